using Vigil.Safety.Demo;
using Vigil.Safety.Policy;
using Vigil.Safety.Policy.Generation;
using Vigil.Safety.Verification;

namespace Vigil.Safety.Probing;

/// <summary>
/// Builds probe samples from a policy: greedy completions of evaluation prompts, each judged by a safety verifier with
/// the prompt's kind; the outcome is whether the behaviour was the good one for that kind
/// (<see cref="SafetyScoreEvaluator.IsGood"/>).
/// </summary>
public static class ProbeSampleCollector
{
    public static IReadOnlyList<ProbeSample> Collect(PolicyTextGenerator generator, IVerifier verifier, IReadOnlyList<SafetyEvaluationSet> sets,
        ChatTemplate template, int maxNewTokens = 96, int batchSize = 32)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(sets);
        var samples = new List<ProbeSample>();
        var options = new SamplingOptions { Temperature = 0, MaxNewTokens = maxNewTokens };
        foreach (var set in sets)
            for (int start = 0; start < set.Prompts.Count; start += batchSize)
            {
                var prompts = set.Prompts.Skip(start).Take(batchSize).ToArray();
                var ids = prompts.Select(p => generator.Tokenizer.Encode(template.Prompt(p)).ToArray()).ToArray();
                var completions = generator.GenerateIds(ids, options);
                var verdicts = verifier.VerifyAsync(prompts.Select((p, i) => new VerificationInput(p, completions[i].Text) { PromptKind = set.Kind }).ToArray())
                    .GetAwaiter().GetResult();
                for (int i = 0; i < prompts.Length; i++)
                    samples.Add(new ProbeSample(ids[i], completions[i].CompletionIds, SafetyScoreEvaluator.IsGood(set.Kind, verdicts[i])));
            }
        return samples;
    }
}
