using Vigil.Safety.Policy.Model;
using static TorchSharp.torch;

namespace Vigil.Tests.Safety.Policy;

/// <summary>Tiny random policies of both architectures, with weights large enough that greedy choices are clear-cut.</summary>
internal static class TinyPolicies
{
    public const int Vocab = 64;

    public static TransformerConfig Config(string modelType, int keyValueHeads = 2) => new()
    {
        ModelType = modelType,
        HiddenSize = 32,
        IntermediateSize = 48,
        NumHiddenLayers = 2,
        NumAttentionHeads = 4,
        NumKeyValueHeads = keyValueHeads,
        HeadDim = 8,
        VocabSize = Vocab,
        RmsNormEps = 1e-6,
        RopeTheta = modelType == TransformerConfig.Llama ? 500000.0 : 10000.0,
        MaxPositionEmbeddings = 128,
        // Qwen2 tied with q/k/v biases; Llama untied with biases everywhere, so both code paths get tested.
        TieWordEmbeddings = modelType == TransformerConfig.Qwen2,
        AttentionBias = modelType == TransformerConfig.Llama,
        BosTokenId = 1,
        EosTokenIds = [2],
    };

    /// <summary>A model with every parameter redrawn from normal(0, 0.3) (norms around 1), seeded.</summary>
    public static TransformerLanguageModel Create(string modelType, long seed, int keyValueHeads = 2) =>
        Randomise(new TransformerLanguageModel(Config(modelType, keyValueHeads)), seed);

    public static TransformerLanguageModel Randomise(TransformerLanguageModel model, long seed)
    {
        using var noGrad = no_grad();
        var generator = new Generator((ulong)seed);
        foreach (var (name, parameter) in model.named_parameters())
        {
            using var draw = randn(parameter.shape, generator: generator) * 0.3;
            if (name.EndsWith("norm.weight", StringComparison.Ordinal)) draw.add_(1.0);
            parameter.copy_(draw);
        }
        return model;
    }

    public static Tensor Ids(params long[][] rows) => tensor(rows.SelectMany(r => r).ToArray(), [rows.Length, rows[0].Length]);
}
