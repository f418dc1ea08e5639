using Vigil.Safety.Inference.Scoring;
using Vigil.Safety.Inference.Search;
using Vigil.Safety.Inference.Steps;
using Vigil.Safety.Policy;
using Vigil.Safety.Verification;

namespace Vigil.Tests.Safety.Inference;

public sealed class SearchTests
{
    private static readonly SamplingOptions Sampling = new() { MaxNewTokens = 200 };

    /// <summary>A model whose next step depends on the last step it sees: a fixed tree of continuations, one per batch row.</summary>
    private static ScriptedTextGenerator Tree(IReadOnlyDictionary<string, string[]> next, IReadOnlyDictionary<string, string> answers) =>
        new((assistant, row) =>
        {
            bool answering = assistant.EndsWith("</think>", StringComparison.Ordinal);
            var trace = ReasoningTrace.Parse("", answering ? assistant[..^"</think>".Length] : assistant);
            var last = trace.Steps.Count == 0 ? "" : trace.Steps[^1].Split(' ')[0];
            return answering ? answers[last] : next[last][row];
        });

    private static TraceScorer Gate(BracketScoreVerifier verifier) => new(new[] { WeightedVerifier.Gate(verifier) });

    [Fact]
    public async Task Value_guided_intervention_masks_the_unsafe_step_and_keeps_the_best_safe_one()
    {
        var model = Tree(
            new Dictionary<string, string[]>
            {
                [""] = new[] { "plan UNSAFE give the recipe [0.9]\n", "refuse [0.6]\n", "hedge [0.3]\n" },
                ["refuse"] = new[] { "</think>", "</think>", "</think>" },
            },
            new Dictionary<string, string> { ["refuse"] = "I can't help with that. [0.8]<|end|>" });
        var verifier = new BracketScoreVerifier();
        var method = new ValueGuidedIntervention(new TextGeneratorStepGenerator(model, ChatTemplate.Demo, Sampling), Gate(verifier),
            new ValueGuidedOptions { Candidates = 3, MaxSteps = 4 });
        var result = await method.RunAsync("how do I make it?", PromptKind.Unsafe);

        Assert.Equal(new[] { "refuse [0.6]" }, result.Trace.Steps);
        Assert.Equal("I can't help with that. [0.8]", result.Answer);
        Assert.Equal(0.8, result.Score);
        var first = result.Decisions![0];
        Assert.Equal(new[] { true, false, false }, first.Scores.Select(s => s.Masked));
        Assert.Equal(1, first.Chosen);
        // The unsafe step never reaches the prompt of a later generation call.
        Assert.DoesNotContain(model.Prompts, p => p.Contains("UNSAFE", StringComparison.Ordinal));
        Assert.All(verifier.Seen, v => Assert.Equal(PromptKind.Unsafe, v.PromptKind));
        Assert.Equal(6, result.Compute.VerifierCalls);
        long tokens = "plan UNSAFE give the recipe [0.9]\n".Length + "refuse [0.6]\n".Length + "hedge [0.3]\n".Length
            + 3 * ("</think>".Length + "I can't help with that. [0.8]<|end|>".Length);
        Assert.Equal(tokens, result.Compute.GeneratedTokens);
    }

    [Fact]
    public async Task Value_guided_intervention_abstains_when_every_answer_is_masked()
    {
        var model = Tree(
            new Dictionary<string, string[]> { [""] = new[] { "UNSAFE [0.9]\n", "UNSAFE again [0.9]\n" } },
            new Dictionary<string, string> { [""] = "UNSAFE answer<|end|>" });
        var policy = new AbstentionPolicy { Text = "I won't answer that." };
        var method = new ValueGuidedIntervention(new TextGeneratorStepGenerator(model, ChatTemplate.Demo, Sampling), Gate(new BracketScoreVerifier()),
            new ValueGuidedOptions { Candidates = 2, Resamples = 1, MaxSteps = 3 }) { Abstention = policy };
        var result = await method.RunAsync("q", PromptKind.Unsafe);
        Assert.True(result.Abstained);
        Assert.Equal("I won't answer that.", result.Answer);
        // Two masked rounds (the step and its resample), then two masked answers.
        Assert.Equal(3, result.Decisions!.Count);
        Assert.All(result.Decisions, d => Assert.Equal(-1, d.Chosen));
        Assert.Equal(6, result.Compute.VerifierCalls);
    }

    [Fact]
    public async Task Value_guided_search_step_is_answered_from_the_verified_store_before_the_next_step()
    {
        var store = new Vigil.Safety.Inference.Retrieval.Bm25Index(new[] { new Vigil.Safety.Inference.Retrieval.Bm25Document("kb", "Store bleach away from ammonia [0.9]") });
        var model = new ScriptedTextGenerator((assistant, _) =>
            assistant.EndsWith("</think>", StringComparison.Ordinal) ? "Keep them apart. [0.9]<|end|>"
            : assistant.Contains("<result>", StringComparison.Ordinal) ? "</think>" : "look it up <search>bleach</search> [0.5]\n");
        var method = new ValueGuidedIntervention(new TextGeneratorStepGenerator(model, ChatTemplate.Demo, Sampling), Gate(new BracketScoreVerifier()),
            new ValueGuidedOptions { Candidates = 1, MaxSteps = 3 })
        {
            Retrieval = new Vigil.Safety.Inference.Retrieval.RetrievalAction(store, new BracketScoreVerifier("safety")),
        };
        var result = await method.RunAsync("q", PromptKind.Safe);
        Assert.Equal(new[] { "look it up <search>bleach</search>", "<result>[kb] Store bleach away from ammonia [0.9]</result>" }, result.Trace.Steps);
        Assert.Equal("Keep them apart. [0.9]", result.Answer);
        Assert.Contains("<result>[kb]", model.Prompts[1]);
        // The search step's scoring, one snippet check, and the concluding candidate's scoring.
        Assert.Equal(3, result.Compute.VerifierCalls);
    }

    [Fact]
    public async Task Beam_search_bookkeeping_scores_prunes_and_counts_compute()
    {
        var next = new Dictionary<string, string[]>
        {
            [""] = new[] { "a [0.9]\n", "b [0.4]\n", "c UNSAFE [0.8]\n" },
            ["a"] = new[] { "a1 [0.5]\n", "a2 [0.7]\n", "</think>" },
            ["b"] = new[] { "b1 [0.8]\n", "b2 [0.3]\n", "b3 UNSAFE [0.99]\n" },
        };
        var answers = new Dictionary<string, string>
        {
            ["a"] = "answer-a [0.6]<|end|>", ["b1"] = "answer-b1 [0.85]<|end|>", ["a2"] = "answer-a2 [0.2]<|end|>",
        };
        var model = Tree(next, answers);
        var method = new BeamSearch(new TextGeneratorStepGenerator(model, ChatTemplate.Demo, Sampling), Gate(new BracketScoreVerifier()),
            new BeamSearchOptions { Width = 2, Expansions = 3, MaxSteps = 2 });
        var result = await method.RunAsync("q", PromptKind.Safe);

        var rounds = result.Rounds!;
        Assert.Equal(2, rounds.Count);
        Assert.Equal(new BeamRound(0, 3, 1, 0, rounds[0].KeptScores, 0), rounds[0]);
        Assert.Equal(new[] { 0.9, 0.4 }, rounds[0].KeptScores);
        // Round 1: a's three children (one concludes), b's three (one masked); the open four are cut to the best two.
        Assert.Equal(new BeamRound(1, 6, 1, 1, rounds[1].KeptScores, 2), rounds[1]);
        Assert.Equal(new[] { 0.8, 0.7 }, rounds[1].KeptScores);
        // Out of steps, b1 and a2 are made to answer; b1's answer scores best.
        Assert.Equal(new[] { "b [0.4]", "b1 [0.8]" }, result.Trace.Steps);
        Assert.Equal("answer-b1 [0.85]", result.Answer);
        Assert.Equal(0.85, result.Score);
        Assert.Equal(3 + 6 + 2, result.Compute.VerifierCalls);
        long tokens = next.Values.SelectMany(v => v).Sum(s => (long)s.Length) + answers.Values.Sum(s => (long)s.Length);
        Assert.Equal(tokens, result.Compute.GeneratedTokens);
    }

    [Fact]
    public async Task Best_of_n_keeps_the_top_sample_and_weighted_best_of_n_the_heaviest_answer()
    {
        // Two samples say "yes" (0.5 + 0.45 = 0.95), one says "No!" with the single best score 0.6, one is unsafe.
        var samples = new[] { "</think>Yes.<|end|>", "</think>No!<|end|>", "</think>yes<|end|>", "</think>UNSAFE<|end|>" };
        var model = new ScriptedTextGenerator((_, row) => samples[row]);
        var steps = new TextGeneratorStepGenerator(model, ChatTemplate.Demo, Sampling);
        var verifier = new BracketScoreVerifier(table: new Dictionary<string, double> { ["Yes."] = 0.5, ["No!"] = 0.6, ["yes"] = 0.45, ["UNSAFE"] = 1 });
        var plain = await new BestOfN(steps, Gate(verifier), 4, weighted: false).RunAsync("q", PromptKind.Safe);
        Assert.Equal("No!", plain.Answer);
        Assert.Equal(0.6, plain.Confidence, 12);
        var weighted = await new BestOfN(steps, Gate(verifier), 4, weighted: true).RunAsync("q", PromptKind.Safe);
        Assert.Equal("Yes.", weighted.Answer);
        Assert.Equal(0.5, weighted.Score);
        Assert.Equal(0.95 / (0.95 + 0.6), weighted.Confidence, 12);
        Assert.Equal(4, weighted.Compute.VerifierCalls);
        Assert.Equal(samples.Sum(s => (long)s.Length), weighted.Compute.GeneratedTokens);
    }

    [Fact]
    public async Task Confidence_below_the_threshold_abstains()
    {
        var model = new ScriptedTextGenerator((_, row) => row == 0 ? "</think>Maybe. [0.3]<|end|>" : "</think>Perhaps. [0.2]<|end|>");
        var steps = new TextGeneratorStepGenerator(model, ChatTemplate.Demo, Sampling);
        var scorer = Gate(new BracketScoreVerifier());
        var cautious = new AbstentionPolicy { Threshold = 0.5, Text = "ABSTAIN" };
        var result = await new BestOfN(steps, scorer, 2, weighted: false) { Abstention = cautious }.RunAsync("q", PromptKind.Safe);
        Assert.True(result.Abstained);
        Assert.Equal("ABSTAIN", result.Answer);
        Assert.Equal("Maybe. [0.3]", result.Trace.Answer);
        var calibrated = cautious with { Calibrator = new ConfidenceCalibrator(10, 0) };
        var confident = await new BestOfN(steps, scorer, 2, weighted: false) { Abstention = calibrated }.RunAsync("q", PromptKind.Safe);
        Assert.False(confident.Abstained);
        Assert.Equal(1 / (1 + Math.Exp(-3)), confident.Confidence, 12);
    }

    [Fact]
    public void Platt_calibration_recovers_the_generating_curve()
    {
        // Outcomes drawn from P(good | s) = σ(6s − 3): the fit should land near (6, −3).
        var random = new Random(3);
        var scores = new List<double>();
        var good = new List<bool>();
        for (int i = 0; i < 20000; i++)
        {
            double s = random.NextDouble();
            scores.Add(s);
            good.Add(random.NextDouble() < 1 / (1 + Math.Exp(-(6 * s - 3))));
        }
        var fit = ConfidenceCalibrator.Fit(scores, good);
        Assert.InRange(fit.A, 5.6, 6.4);
        Assert.InRange(fit.B, -3.2, -2.8);
    }
}
