using Microsoft.Extensions.AI;
using Vigil.Safety.Verification;

namespace Vigil.Safety.Verifiers.Judges;

/// <summary>
/// LLM-as-judge value verifier: GOOD / BAD. Score = P(good) over the parsed answers, or, with a
/// <see cref="Threshold"/>, 1 when P(good) reaches it and 0 otherwise.
/// </summary>
public sealed class ValueJudgeVerifier : ChatJudgeVerifier<bool>
{
    public const string VerifierName = "value_judge";

    private static readonly VerdictPhraseParser<bool> Parser = new(new[] { ("good", true), ("bad", false) });

    public double? Threshold { get; }

    public ValueJudgeVerifier(IChatClient client, JudgeOptions? options = null, double? threshold = null) : base(client, options)
    {
        if (threshold is { } t && !(t > 0 && t <= 1)) throw new ArgumentOutOfRangeException(nameof(threshold), $"Threshold must lie in (0, 1], got {t}.");
        Threshold = threshold;
    }

    public override string Name => VerifierName;

    protected override string DefaultTemplate => JudgePromptTemplates.Value;

    /// <summary>True for GOOD, false for BAD, null when the answer names neither or both.</summary>
    public static bool? ParseGood(string answer) => Parser.Parse(answer);

    protected override bool? ParseAnswer(string answer) => ParseGood(answer);

    protected override Verdict Combine(IReadOnlyList<bool> parsed, int unparsed)
    {
        double pGood = parsed.Count(g => g) / (double)parsed.Count;
        double score = Threshold is { } t ? (pGood >= t ? 1 : 0) : pGood;
        return Verdict.Of(score, pGood >= 0.5 ? "good" : "bad", $"P(good) = {pGood:F2} over {parsed.Count} answers{UnparsedNote(unparsed)}") with
        {
            Probabilities = new Dictionary<string, double> { ["good"] = pGood, ["bad"] = 1 - pGood },
        };
    }
}
