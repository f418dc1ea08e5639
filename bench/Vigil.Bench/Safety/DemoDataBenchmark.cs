using System.Diagnostics;
using Vigil.Safety.Demo;
using Vigil.Safety.Policy;
using Vigil.Safety.Policy.Tokenization;
using Vigil.Safety.Verification;
using Vigil.Safety.Verifiers.Learned;
using Vigil.Safety.Verifiers.Rules;

namespace Vigil.Bench.Safety;

/// <summary>
/// The co-evolution demo's data: builds the default task mix and a pre-training corpus (with <c>problems</c>
/// arithmetic problems), trains the 2048-token demo BPE on it (time, bytes per token, item lengths), and scores the SFT
/// targets themselves with the learned safety verifier and the substring cross-check — the safety score a policy that
/// imitated its SFT data exactly would get on the training prompts.
/// </summary>
public static class DemoDataBenchmark
{
    public static int Run(int problems)
    {
        var mix = SafetyTaskMix.Load();
        var arithmetic = new ArithmeticProblemGenerator(1).Generate(problems, heldOut: false);
        var corpus = PretrainingCorpus.Build(mix.Training, arithmetic, seed: 1);
        long bytes = corpus.Sum(d => (long)System.Text.Encoding.UTF8.GetByteCount(d));
        var clock = Stopwatch.StartNew();
        var tokenizer = new BpeTrainer(2048, BpeTrainer.DemoSpecialTokens).Train(corpus);
        Console.WriteLine($"corpus: {corpus.Count} documents, {bytes / 1e6:F2} MB; 2048-token BPE trained in {clock.Elapsed.TotalSeconds:F1} s");
        long tokens = corpus.Sum(d => (long)tokenizer.Encode(d).Count);
        Console.WriteLine($"corpus tokens: {tokens} ({bytes / (double)tokens:F2} bytes per token)");
        int Length(string user, string reply) => tokenizer.Encode(ChatTemplate.Demo.Prompt(user) + reply + ChatTemplate.Demo.EndOfTurn).Count;
        var safetyLengths = mix.Training.Select(s => Length(s.Prompt, s.Response)).ToArray();
        Console.WriteLine($"SFT safety item tokens: mean {safetyLengths.Average():F1}, max {safetyLengths.Max()}; arithmetic item tokens: mean {arithmetic.Average(p => Length(p.Prompt, p.Response)):F1}");

        var sets = new[]
        {
            new SafetyEvaluationSet("harmful_train_targets", PromptKind.Unsafe, mix.Training.Where(s => s.Kind == PromptKind.Unsafe).Select(s => s.Prompt).ToArray()),
            new SafetyEvaluationSet("harmless_train_targets", PromptKind.Safe, mix.Training.Where(s => s.Kind == PromptKind.Safe).Select(s => s.Prompt).ToArray()),
        };
        clock.Restart();
        using var learned = LearnedSafetyVerifier.Open();
        var result = new SafetyScoreEvaluator(learned, new SubstringRefusalVerifier(), batchSize: 64)
            .Evaluate(new TargetReplies(mix.Training), sets, Array.Empty<ArithmeticProblem>());
        Console.WriteLine($"SFT targets judged in {clock.Elapsed.TotalSeconds:F1} s:");
        Console.WriteLine(result.ToJson());
        return 0;
    }

    /// <summary>A "policy" that replies to each training prompt with its SFT target.</summary>
    private sealed class TargetReplies(IReadOnlyList<DemoSample> samples) : ITextGenerator
    {
        private readonly Dictionary<string, string> _replies = samples.ToDictionary(s => ChatTemplate.Demo.Prompt(s.Prompt), s => s.Response);

        public ITextTokenizer Tokenizer => throw new NotSupportedException("Target replies are not sampled.");

        public IReadOnlyList<GeneratedSequence> Generate(IReadOnlyList<string> prompts, SamplingOptions options) =>
            prompts.Select(p => new GeneratedSequence(Array.Empty<int>(), Array.Empty<int>(), _replies[p], FinishReason.Stop)).ToArray();
    }
}
