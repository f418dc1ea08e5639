using Microsoft.Extensions.AI;
using Vigil.Safety.Verification;

namespace Vigil.Safety.Verifiers.Judges;

/// <summary>
/// LLM-as-judge knowledge verifier: question + gold answer + predicted answer → TRUE / FALSE. Soft score
/// (P(TRUE) + 1 − P(FALSE)) / 2 as in SafeWork-R1, with the probabilities estimated over parsed answers.
/// </summary>
public sealed class KnowledgeJudgeVerifier : ChatJudgeVerifier<bool>
{
    public const string VerifierName = "knowledge_judge";

    private static readonly VerdictPhraseParser<bool> Parser = new(new[] { ("true", true), ("false", false), ("correct", true), ("incorrect", false) });

    public KnowledgeJudgeVerifier(IChatClient client, JudgeOptions? options = null) : base(client, options) { }

    public override string Name => VerifierName;

    protected override string DefaultTemplate => JudgePromptTemplates.Knowledge;

    /// <summary>True for TRUE/correct, false for FALSE/incorrect, null otherwise.</summary>
    public static bool? ParseTrue(string answer) => Parser.Parse(answer);

    protected override bool? ParseAnswer(string answer) => ParseTrue(answer);

    protected override Verdict Combine(IReadOnlyList<bool> parsed, int unparsed)
    {
        double pTrue = parsed.Count(t => t) / (double)parsed.Count;
        double pFalse = 1 - pTrue;
        double score = (pTrue + 1 - pFalse) / 2;
        return Verdict.Of(score, pTrue >= 0.5 ? "correct" : "incorrect", $"P(TRUE) = {pTrue:F2} over {parsed.Count} answers{UnparsedNote(unparsed)}") with
        {
            Probabilities = new Dictionary<string, double> { ["true"] = pTrue, ["false"] = pFalse },
        };
    }
}
