using Vigil.Safety.Inference.Decoding;
using Vigil.Safety.Inference.Scoring;
using Vigil.Safety.Policy;
using Vigil.Safety.Verification;
using static TorchSharp.torch;

namespace Vigil.Tests.Safety.Inference;

[Collection(TorchGlobalRngCollection.Name)]
public sealed class TokenLevelGuidanceTests
{
    private static readonly AlphabetTokenizer Tokens = new();

    /// <summary>Next-token preference a (log-odds 2) over b (1) over the end token (0) over everything else (−10).</summary>
    private static TinyCausalModel PrefersA(Tensor? embeddings = null)
    {
        var bias = Enumerable.Repeat(-10f, Tokens.VocabularySize).ToArray();
        bias[Tokens.Id('a')] = 2;
        bias[Tokens.Id('b')] = 1;
        bias[Tokens.EndOfSequenceId] = 0;
        return new TinyCausalModel(embeddings ?? zeros(Tokens.VocabularySize, 4), bias);
    }

    /// <summary>Values 0 for any partial containing "a", else 1.</summary>
    private sealed class AvoidA : IPrefixScorer
    {
        public List<string> Seen { get; } = new();

        public IReadOnlyList<double> Score(string prompt, IReadOnlyList<string> partials)
        {
            Seen.AddRange(partials);
            return partials.Select(p => p.Contains('a') ? 0.0 : 1.0).ToArray();
        }
    }

    [Fact]
    public void Value_weight_steers_greedy_decoding_away_from_the_likelier_token()
    {
        using var model = PrefersA();
        var plain = new RewardGuidedDecoder(model, Tokens, new AvoidA(), new RewardGuidedOptions { TopK = 3, ValueWeight = 0, MaxNewTokens = 4 });
        Assert.Equal("aaaa", plain.Generate("hi").Text);
        // log p(a) − log p(b) = 1 < weight 2 · (1 − 0): b wins once the value counts.
        var value = new AvoidA();
        var guided = new RewardGuidedDecoder(model, Tokens, value, new RewardGuidedOptions { TopK = 3, ValueWeight = 2, MaxNewTokens = 4 });
        var sequence = guided.Generate("hi");
        Assert.Equal("bbbb", sequence.Text);
        Assert.Equal(FinishReason.Length, sequence.FinishReason);
        Assert.Equal(Enumerable.Repeat(Tokens.Id('b'), 4), sequence.CompletionIds);
        Assert.Equal(4 * 3, guided.ValueCalls);
        // The first position weighed the top-3 tokens: a, b, then the end token (decoded as nothing).
        Assert.Equal(new[] { "a", "b", "" }, value.Seen.Take(3));
        Assert.Equal(new[] { "ba", "bb" }, value.Seen.Skip(3).Take(2));
    }

    [Fact]
    public void Stop_string_ends_guided_decoding_and_is_kept()
    {
        using var model = PrefersA();
        var decoder = new RewardGuidedDecoder(model, Tokens, new AvoidA(), new RewardGuidedOptions { TopK = 2, ValueWeight = 2, MaxNewTokens = 10, StopStrings = new[] { "bb" } });
        var sequence = decoder.Generate("hi");
        Assert.Equal("bb", sequence.Text);
        Assert.Equal(FinishReason.Stop, sequence.FinishReason);
    }

    [Fact]
    public void Verifier_prefix_scorer_counts_calls_and_zeroes_masked_partials()
    {
        var scorer = new VerifierPrefixScorer(new TraceScorer(new[] { WeightedVerifier.Gate(new BracketScoreVerifier()) }), PromptKind.Unsafe);
        Assert.Equal(new[] { 0.7, 0.0 }, scorer.Score("q", new[] { "fine [0.7]", "UNSAFE [0.9]" }));
        Assert.Equal(2, scorer.Meter.VerifierCalls);
    }

    [Fact]
    public async Task Prefix_value_model_learns_to_predict_the_final_verdict_from_prefixes()
    {
        // Embedding dimension 0 marks the letter x: the summed hidden state counts x's so far; the rest is noise.
        manual_seed(11);
        var embeddings = randn(Tokens.VocabularySize, 6) * 0.1;
        embeddings[.., 0] = zeros(Tokens.VocabularySize);
        embeddings[Tokens.Id('x'), 0] = tensor(1f);
        using var model = PrefersA(embeddings);
        var random = new Random(5);
        string Word() => new(Enumerable.Range(0, random.Next(3, 7)).Select(_ => "bcdefg"[random.Next(6)]).ToArray());
        var examples = new List<PrefixValueExample>();
        for (int i = 0; i < 40; i++)
        {
            bool bad = i % 2 == 0;
            // A bad response says x early, so most of its prefixes already show it.
            var response = bad ? "x " + Word() + " " + Word() : Word() + " " + Word();
            examples.Add(new PrefixValueExample("q", response, bad ? 0 : 1));
        }
        using var value = PrefixValueModel.Train(model, Tokens, ChatTemplate.Demo, examples, new PrefixValueTrainingOptions { Seed = 3 });
        var scores = value.Score("q", new[] { "x bcd", "bcd efg", "cc x", "gfe" });
        Assert.True(scores[0] < 0.3 && scores[2] < 0.3, $"prefixes with x: {scores[0]:F3}, {scores[2]:F3}");
        Assert.True(scores[1] > 0.7 && scores[3] > 0.7, $"prefixes without x: {scores[1]:F3}, {scores[3]:F3}");
        var verdicts = await value.VerifyAsync(new[] { new VerificationInput("q", "x b"), new VerificationInput("q", "bc") });
        Assert.Equal(new[] { "bad", "good" }, verdicts.Select(v => v.Label));
        Assert.Equal(PrefixValueModel.VerifierName, value.Name);
    }
}
