using Vigil.Safety.Verification;
using Vigil.Safety.Verifiers.Knowledge;

namespace Vigil.Safety.Verifiers.Rules;

/// <summary>
/// Answer checking for verifiable problems: the last <c>\boxed{}</c> of the answer part (after <c>&lt;/think&gt;</c>
/// when present) must equal the item's <see cref="VerificationInput.Reference"/>: numerically within tolerance when
/// both read as numbers, otherwise as normalised text. Score 1 or 0. An item without a reference is a caller error.
/// </summary>
public sealed class BoxedAnswerVerifier : SyncVerifier
{
    public const string VerifierName = "boxed_answer";

    public double AbsoluteTolerance { get; }
    public double RelativeTolerance { get; }

    public BoxedAnswerVerifier(double absoluteTolerance = 1e-6, double relativeTolerance = 1e-6)
    {
        if (!(absoluteTolerance >= 0) || !(relativeTolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(absoluteTolerance), "Tolerances must be non-negative.");
        AbsoluteTolerance = absoluteTolerance;
        RelativeTolerance = relativeTolerance;
    }

    public override string Name => VerifierName;

    public override Verdict VerifyOne(VerificationInput input)
    {
        if (input.Reference is null) throw new ArgumentException($"The {VerifierName} verifier needs a reference answer; the item for prompt \"{Shorten(input.Prompt)}\" has none.", nameof(input));
        var boxed = BoxedAnswer.Extract(ThinkFormatVerifier.AnswerPart(input.Response));
        if (boxed is null) return Verdict.Of(0, "no_boxed_answer", "no \\boxed{} in the answer");
        var reference = BoxedAnswer.Extract(input.Reference) ?? input.Reference;
        if (NumericAnswer.TryParse(boxed, out var got) && NumericAnswer.TryParse(reference, out var want))
            return NumericAnswer.Close(got, want, AbsoluteTolerance, RelativeTolerance)
                ? Verdict.Of(1, "correct", $"boxed {boxed} equals {reference} numerically")
                : Verdict.Of(0, "incorrect", $"boxed {boxed} differs from {reference}");
        return AnswerText.Normalize(boxed) == AnswerText.Normalize(reference)
            ? Verdict.Of(1, "correct", $"boxed \"{boxed}\" matches the reference")
            : Verdict.Of(0, "incorrect", $"boxed \"{boxed}\" differs from \"{reference}\"");
    }

    internal static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
