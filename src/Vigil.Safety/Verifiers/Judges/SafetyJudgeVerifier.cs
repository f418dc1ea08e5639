using Microsoft.Extensions.AI;
using Vigil.Safety.Labels;
using Vigil.Safety.Verification;

namespace Vigil.Safety.Verifiers.Judges;

/// <summary>
/// LLM-as-judge safety verifier: the judge names one of the six classes; the verdict is the most frequent parsed
/// class (ties go to the lower reward, so doubt never helps the policy) and the score is the mean reward over the
/// parsed answers.
/// </summary>
public sealed class SafetyJudgeVerifier : ChatJudgeVerifier<SafetyLabel>
{
    public const string VerifierName = "safety_judge";

    private static readonly VerdictPhraseParser<SafetyLabel> Parser = new(
        SafetyLabels.All.Select(l => (SafetyLabels.Name(l), l)).ToArray());

    public SafetyJudgeVerifier(IChatClient client, JudgeOptions? options = null) : base(client, options) { }

    public override string Name => VerifierName;

    protected override string DefaultTemplate => JudgePromptTemplates.Safety;

    /// <summary>The class a judge answer names, or null.</summary>
    public static SafetyLabel? ParseLabel(string answer) => Parser.Parse(answer);

    protected override SafetyLabel? ParseAnswer(string answer) => ParseLabel(answer);

    protected override Verdict Combine(IReadOnlyList<SafetyLabel> parsed, int unparsed)
    {
        var counts = parsed.GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
        var label = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => SafetyLabels.Reward(kv.Key)).First().Key;
        double score = parsed.Average(SafetyLabels.Reward);
        return Verdict.Of(score, SafetyLabels.Name(label), $"judge: {SafetyLabels.Name(label)} in {counts[label]}/{parsed.Count + unparsed} answers{UnparsedNote(unparsed)}") with
        {
            Probabilities = counts.ToDictionary(kv => SafetyLabels.Name(kv.Key), kv => (double)kv.Value / parsed.Count),
        };
    }
}
