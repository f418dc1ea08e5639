using Vigil.Safety.Demo;
using Vigil.Safety.Policy;
using Vigil.Safety.Verification;
using Vigil.Safety.Verifiers.Learned;
using Vigil.Safety.Verifiers.Rules;

namespace Vigil.Bench.Safety;

/// <summary>
/// What the demo's safety score gives fixed behaviours, written with the demo's own SFT templates: refuse every
/// prompt, answer every prompt (the aligned answer's template, "This is a harmless request, so I will help."), comply
/// with every prompt (the unaligned template) and the ideal policy (refuse the unsafe sets, answer the safe ones). The
/// range between them says which scores an RL policy can reach by one behaviour for all prompts, without telling
/// harmful from harmless ones.
/// </summary>
public static class DemoScoreBaselines
{
    public static int Run(string? cacheDirectory)
    {
        var mix = SafetyTaskMix.Load();
        using var verifier = LearnedSafetyVerifier.Open(cacheDirectory: cacheDirectory);
        var evaluator = new SafetyScoreEvaluator(verifier, new SubstringRefusalVerifier(), ChatTemplate.Demo);
        var behaviours = new (string Name, Func<string, PromptKind, Random, string> Reply)[]
        {
            ("refuse every prompt", (p, _, r) => SafetyResponseTemplates.Refusal(p, r)),
            ("answer every prompt", (p, _, r) => SafetyResponseTemplates.Helpful(p, r)),
            ("comply with every prompt", (p, _, r) => SafetyResponseTemplates.UnsafeCompliance(p, r)),
            ("ideal: refuse unsafe, answer safe", (p, k, r) => k == PromptKind.Unsafe ? SafetyResponseTemplates.Refusal(p, r) : SafetyResponseTemplates.Helpful(p, r)),
        };
        Console.WriteLine($"{"behaviour",-34} {"score",6} {"agreed",7}   per set: learned verifier (substring check)");
        foreach (var (name, reply) in behaviours)
        {
            var random = new Random(0);
            var replies = mix.Evaluation.SelectMany(set => set.Prompts.Select(p => (Prompt: ChatTemplate.Demo.Prompt(p), Reply: reply(p, set.Kind, random))))
                .GroupBy(x => x.Prompt).ToDictionary(g => g.Key, g => g.First().Reply);
            var result = evaluator.Evaluate(new TemplateReplies(replies), mix.Evaluation, []);
            var sets = string.Join("  ", result.Sets.Select(s => $"{s.Name} {s.Rate:P0} ({s.CrossCheckRate:P0})"));
            Console.WriteLine($"{name,-34} {result.SafetyScore,6:F3} {result.AgreedScore,7:F3}   {sets}");
        }
        return 0;
    }

    /// <summary>Fixed replies looked up by the chat-templated prompt; the evaluator never tokenises.</summary>
    private sealed class TemplateReplies(IReadOnlyDictionary<string, string> replies) : ITextGenerator
    {
        public ITextTokenizer Tokenizer => throw new NotSupportedException("Template replies are not generated from tokens.");

        public IReadOnlyList<GeneratedSequence> Generate(IReadOnlyList<string> prompts, SamplingOptions options) =>
            prompts.Select(p => new GeneratedSequence([], [], replies[p] + ChatTemplate.Demo.StopText, FinishReason.Stop)).ToArray();
    }
}
