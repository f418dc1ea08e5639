using Vigil.Safety.Verification;
using Vigil.Safety.Verifiers.Rules;

namespace Vigil.Safety.Verifiers.Knowledge;

/// <summary>
/// The knowledge verifier for when no judge model is available: compares the predicted answer (the part after
/// <c>&lt;/think&gt;</c>, or the last <c>\boxed{}</c> in it when present) with the item's reference. Checks in order:
/// exact match, match after <see cref="AnswerText.Normalize"/>, numeric match within tolerance; otherwise the score
/// is the token F1, and the label says <c>correct</c> when F1 reaches <see cref="F1Threshold"/>.
/// </summary>
public sealed class ReferenceMatchVerifier : SyncVerifier
{
    public const string VerifierName = "knowledge_match";

    public double AbsoluteTolerance { get; }
    public double RelativeTolerance { get; }
    public double F1Threshold { get; }

    public ReferenceMatchVerifier(double absoluteTolerance = 1e-6, double relativeTolerance = 1e-4, double f1Threshold = 0.5)
    {
        if (!(absoluteTolerance >= 0) || !(relativeTolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(absoluteTolerance), "Tolerances must be non-negative.");
        if (!(f1Threshold > 0 && f1Threshold <= 1)) throw new ArgumentOutOfRangeException(nameof(f1Threshold), $"F1 threshold must lie in (0, 1], got {f1Threshold}.");
        AbsoluteTolerance = absoluteTolerance;
        RelativeTolerance = relativeTolerance;
        F1Threshold = f1Threshold;
    }

    public override string Name => VerifierName;

    public override Verdict VerifyOne(VerificationInput input)
    {
        if (input.Reference is null) throw new ArgumentException($"The {VerifierName} verifier needs a reference answer; the item for prompt \"{BoxedAnswerVerifier.Shorten(input.Prompt)}\" has none.", nameof(input));
        var answer = ThinkFormatVerifier.AnswerPart(input.Response);
        var predicted = (BoxedAnswer.Extract(answer) ?? answer).Trim();
        var reference = input.Reference.Trim();
        if (predicted == reference) return Verdict.Of(1, "correct", "exact match");
        if (AnswerText.Normalize(predicted) is { Length: > 0 } np && np == AnswerText.Normalize(reference)) return Verdict.Of(1, "correct", "match after normalisation");
        if (NumericAnswer.TryParse(reference, out var want) && NumericAnswer.TryParse(predicted, out var got))
            return NumericAnswer.Close(got, want, AbsoluteTolerance, RelativeTolerance)
                ? Verdict.Of(1, "correct", $"numeric match: {got} vs {want}")
                : Verdict.Of(0, "incorrect", $"numeric mismatch: {got} vs {want}");
        double f1 = AnswerText.TokenF1(predicted, reference);
        return Verdict.Of(f1, f1 >= F1Threshold ? "correct" : "incorrect", $"token F1 {f1:F2}");
    }
}
