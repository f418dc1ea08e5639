using TorchSharp;
using TorchSharp.Modules;
using Vigil.Safety.Policy;
using Vigil.Safety.Training.Grpo;
using static TorchSharp.torch;

namespace Vigil.Tests.Safety.Training;

/// <summary>Test-only causal LM: embedding → linear, so token t's logits depend on token t alone (a bigram model).</summary>
internal sealed class TinyCausalLm : nn.Module<Tensor, Tensor>, ICausalLanguageModel
{
    private readonly Embedding _embedding;
    private readonly Linear _head;

    public int VocabularySize { get; }

    public nn.Module Module => this;

    public TinyCausalLm(int vocabulary, int hidden, long seed) : base(nameof(TinyCausalLm))
    {
        VocabularySize = vocabulary;
        torch.manual_seed(seed);
        _embedding = nn.Embedding(vocabulary, hidden);
        _head = nn.Linear(hidden, vocabulary);
        RegisterComponents();
    }

    public override Tensor forward(Tensor ids) => _head.forward(_embedding.forward(ids));

    public Tensor Logits(Tensor inputIds, Tensor? attentionMask = null) => forward(inputIds);

    public Tensor HiddenStates(Tensor inputIds, Tensor? attentionMask = null) => _embedding.forward(inputIds);

    public float[] Flatten() => parameters().SelectMany(p => p.detach().data<float>().ToArray()).ToArray();
}

/// <summary>Samples from a causal LM one token at a time with a generator seeded by the options; token 1 ends a completion.</summary>
internal sealed class TinySampler(ICausalLanguageModel model, Func<IEnumerable<int>, string>? decode = null) : IRolloutSampler
{
    public const int EndOfSequence = 1;

    public IReadOnlyList<GeneratedSequence> GenerateIds(IReadOnlyList<int[]> promptIds, SamplingOptions options)
    {
        using var scope = NewDisposeScope();
        using var generator = new torch.Generator((ulong)options.Seed);
        var result = new List<GeneratedSequence>();
        foreach (var prompt in promptIds)
        {
            var ids = prompt.ToList();
            var completion = new List<int>();
            var reason = FinishReason.Length;
            for (int t = 0; t < options.MaxNewTokens; t++)
            {
                var logits = model.Logits(tensor(ids.Select(i => (long)i).ToArray()).unsqueeze(0))[0, -1];
                var probs = nn.functional.softmax(logits / options.Temperature, 0);
                int next = (int)multinomial(probs, 1, generator: generator).item<long>();
                completion.Add(next);
                ids.Add(next);
                if (next == EndOfSequence) { reason = FinishReason.Stop; break; }
            }
            result.Add(new GeneratedSequence(prompt, completion.ToArray(), decode?.Invoke(completion) ?? string.Join(" ", completion), reason));
        }
        return result;
    }
}
