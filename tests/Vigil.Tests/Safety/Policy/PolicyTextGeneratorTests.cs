using Vigil.Safety.Policy;
using Vigil.Safety.Policy.Generation;
using Vigil.Safety.Policy.Model;
using static TorchSharp.torch;

namespace Vigil.Tests.Safety.Policy;

public sealed class PolicyTextGeneratorTests
{
    private static readonly int[][] Prompts = [[5, 17, 3], [40, 22, 9, 61, 8, 12, 33], [1]];

    /// <summary>A model whose config names no end-of-sequence id, so each test picks it through the tokenizer.</summary>
    private static TransformerLanguageModel Model(string modelType, long seed) =>
        TinyPolicies.Randomise(new TransformerLanguageModel(TinyPolicies.Config(modelType) with { EosTokenIds = [] }), seed);

    /// <summary>Greedy decoding the slow way: a full forward of the whole sequence per token, no cache, no batch.</summary>
    private static List<int> ArgmaxLoop(TransformerLanguageModel model, int[] prompt, int steps, int endId = -1)
    {
        var sequence = prompt.Select(id => (long)id).ToList();
        var completion = new List<int>();
        using var noGrad = no_grad();
        for (int i = 0; i < steps; i++)
        {
            using var logits = model.Logits(tensor(sequence.ToArray(), [1, sequence.Count]));
            int next = (int)logits[0, -1].argmax().item<long>();
            completion.Add(next);
            sequence.Add(next);
            if (next == endId) break;
        }
        return completion;
    }

    [Theory]
    [InlineData(TransformerConfig.Qwen2)]
    [InlineData(TransformerConfig.Llama)]
    public void Greedy_batch_equals_a_manual_argmax_loop_per_prompt(string modelType)
    {
        using var model = Model(modelType, seed: 21);
        var references = Prompts.Select(p => ArgmaxLoop(model, p, 12)).ToArray();
        // End on the third reference's fourth token, so that row stops early while the others run to the limit.
        int endId = references[2][3];
        var generator = new PolicyTextGenerator(model, new CharacterTokenizer(TinyPolicies.Vocab, endId, paddingId: 0));
        var results = generator.GenerateIds(Prompts, new SamplingOptions { MaxNewTokens = 12, Temperature = 0 });
        for (int row = 0; row < Prompts.Length; row++)
        {
            var reference = references[row];
            int end = reference.IndexOf(endId);
            var expected = end >= 0 ? reference.Take(end + 1).ToArray() : reference.ToArray();
            Assert.Equal(expected, results[row].CompletionIds);
            Assert.Equal(Prompts[row], results[row].PromptIds);
            Assert.Equal(end >= 0 ? FinishReason.Stop : FinishReason.Length, results[row].FinishReason);
            Assert.Equal(generator.Tokenizer.Decode(end >= 0 ? expected[..^1] : expected), results[row].Text);
        }
        Assert.Equal(FinishReason.Stop, results[2].FinishReason);
    }

    [Fact]
    public void Stop_string_ends_the_completion_where_it_first_appears()
    {
        using var model = Model(TransformerConfig.Qwen2, seed: 22);
        var reference = ArgmaxLoop(model, Prompts[1], 16);
        var tokenizer = new CharacterTokenizer(TinyPolicies.Vocab, Enumerable.Range(0, 64).First(id => !reference.Contains(id)), paddingId: 0);
        string text = tokenizer.Decode(reference);
        string stop = text.Substring(6, 2);
        int stopEnd = text.IndexOf(stop, StringComparison.Ordinal) + 2;
        var generator = new PolicyTextGenerator(model, tokenizer);

        var stopped = generator.Generate([tokenizer.Decode(Prompts[1])], new SamplingOptions { MaxNewTokens = 16, Temperature = 0, StopStrings = ["never", stop] })[0];
        Assert.Equal(FinishReason.Stop, stopped.FinishReason);
        Assert.Equal(text[..stopEnd], stopped.Text);
        Assert.Equal(reference.Take(stopEnd).ToArray(), stopped.CompletionIds);

        var limited = generator.GenerateIds([Prompts[1]], new SamplingOptions { MaxNewTokens = 16, Temperature = 0, StopStrings = ["never"] })[0];
        Assert.Equal(FinishReason.Length, limited.FinishReason);
        Assert.Equal(text, limited.Text);
        Assert.Equal(16, limited.CompletionIds.Length);
    }

    [Fact]
    public void Same_seed_gives_the_same_samples_and_another_seed_others()
    {
        using var model = Model(TransformerConfig.Llama, seed: 23);
        var generator = new PolicyTextGenerator(model, new CharacterTokenizer(TinyPolicies.Vocab, endOfSequenceId: 63, paddingId: 0));
        var options = new SamplingOptions { MaxNewTokens = 20, Temperature = 2.0, TopP = 0.95, Seed = 7 };
        var first = generator.GenerateIds(Prompts, options);
        var second = generator.GenerateIds(Prompts, options);
        var other = generator.GenerateIds(Prompts, options with { Seed = 8 });
        Assert.Equal(first.Select(r => r.CompletionIds), second.Select(r => r.CompletionIds));
        Assert.NotEqual(first.Select(r => string.Join(",", r.CompletionIds)), other.Select(r => string.Join(",", r.CompletionIds)));
    }

    [Fact]
    public void Tiny_top_p_samples_the_greedy_completion()
    {
        using var model = Model(TransformerConfig.Qwen2, seed: 24);
        var generator = new PolicyTextGenerator(model, new CharacterTokenizer(TinyPolicies.Vocab, endOfSequenceId: 63, paddingId: 0));
        var greedy = generator.GenerateIds(Prompts, new SamplingOptions { MaxNewTokens = 10, Temperature = 0 });
        var nucleus = generator.GenerateIds(Prompts, new SamplingOptions { MaxNewTokens = 10, Temperature = 1.0, TopP = 1e-6, Seed = 3 });
        Assert.Equal(greedy.Select(r => r.CompletionIds), nucleus.Select(r => r.CompletionIds));
    }

    [Fact]
    public void Top_p_draws_only_from_the_nucleus_in_proportion()
    {
        // Probabilities 0.5, 0.3, 0.15, 0.05: top-p 0.7 keeps the first two, renormalised to 0.625 / 0.375.
        using var logits = tensor(new[] { 0.5f, 0.3f, 0.15f, 0.05f }).log().unsqueeze(0).expand(4000, 4);
        using var generator = new Generator(5);
        using var draws = TokenSampler.Next(logits, temperature: 1.0, topP: 0.7, generator);
        var counts = new int[4];
        foreach (long id in draws.data<long>().ToArray()) counts[id]++;
        Assert.Equal(0, counts[2] + counts[3]);
        Assert.InRange(counts[0] / 4000.0, 0.625 - 0.03, 0.625 + 0.03);
    }
}
