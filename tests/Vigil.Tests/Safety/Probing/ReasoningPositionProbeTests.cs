using Vigil.Safety.Policy;
using Vigil.Safety.Probing;
using static TorchSharp.torch;

namespace Vigil.Tests.Safety.Probing;

public class ReasoningPositionProbeTests
{
    // A model whose hidden state at a position is the embedding of the token there (no context), and whose head is the
    // tied embedding: the information at each position is exactly what that position's token says about the outcome.
    private sealed class TokenEmbeddingModel : nn.Module, ICausalLanguageModel
    {
        private readonly Tensor _embedding;

        public TokenEmbeddingModel(int vocabulary, int width) : base(nameof(TokenEmbeddingModel))
        {
            var generator = new Generator(5);
            _embedding = randn(vocabulary, width, generator: generator);
            VocabularySize = vocabulary;
        }

        public int VocabularySize { get; }
        public nn.Module Module => this;
        public Tensor HiddenStates(Tensor inputIds, Tensor? attentionMask = null) => _embedding.index_select(0, inputIds.flatten()).reshape(inputIds.shape[0], inputIds.shape[1], -1);
        public Tensor Logits(Tensor inputIds, Tensor? attentionMask = null) => HiddenStates(inputIds, attentionMask).matmul(_embedding.t());
    }

    private sealed class NamedTokens(int vocabulary) : ITextTokenizer
    {
        public int VocabularySize => vocabulary;
        public int EndOfSequenceId => 0;
        public int PaddingId => 0;
        public IReadOnlyList<int> Encode(string text) => throw new NotSupportedException("the probe never encodes");
        public string Decode(IEnumerable<int> ids, bool skipSpecialTokens = false) => string.Concat(ids.Select(i => $"t{i}"));
    }

    [Fact]
    public void The_peak_is_the_position_whose_token_decides_the_outcome()
    {
        var random = new Random(11);
        var samples = new List<ProbeSample>();
        for (int i = 0; i < 80; i++)
        {
            bool safe = i % 2 == 0;
            var completion = Enumerable.Range(0, 6).Select(_ => 10 + random.Next(8)).ToArray();
            completion[2] = safe ? 5 : 6;
            // Prompts of different lengths exercise the left padding.
            var prompt = Enumerable.Range(0, 1 + i % 3).Select(_ => 20 + random.Next(4)).ToArray();
            samples.Add(new ProbeSample(prompt, completion, safe));
        }
        var probe = new ReasoningPositionProbe(new TokenEmbeddingModel(32, 6), new NamedTokens(32)) { BatchSize = 16 };

        var curve = probe.Run(samples);

        Assert.Equal(6, curve.Count);
        var peak = ReasoningPositionProbe.Peaks(curve, 1).Single();
        Assert.Equal(2, peak.Position);
        Assert.True(peak.Estimate.InformationBits > 0.8, $"got {peak.Estimate}");
        Assert.Contains(peak.CommonToken, new[] { "t5", "t6" });
        Assert.All(curve.Where(c => c.Position != 2), c => Assert.True(c.Estimate.InformationBits < 0.2, $"position {c.Position}: {c.Estimate}"));
    }

    [Fact]
    public void Positions_too_few_samples_reach_are_skipped()
    {
        var samples = Enumerable.Range(0, 20).Select(i => new ProbeSample([1], i < 4 ? [2, 3, 4] : [2], i % 2 == 0)).ToList();
        var curve = new ReasoningPositionProbe(new TokenEmbeddingModel(8, 4), new NamedTokens(8)).Run(samples);
        Assert.Equal(new[] { 0 }, curve.Select(c => c.Position));
    }
}
