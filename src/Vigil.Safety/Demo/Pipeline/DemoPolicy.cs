using Vigil.Safety.Policy.Model;

namespace Vigil.Safety.Demo.Pipeline;

/// <summary>The demo policy's shape: a Qwen2-architecture decoder of about 3.5 M parameters (with a 2,048-token vocabulary).</summary>
public static class DemoPolicy
{
    public static TransformerConfig Config(int vocabularySize, int endOfSequenceId, int maxPositions = 512) => new()
    {
        ModelType = TransformerConfig.Qwen2,
        HiddenSize = 256,
        IntermediateSize = 704,
        NumHiddenLayers = 4,
        NumAttentionHeads = 4,
        NumKeyValueHeads = 2,
        HeadDim = 64,
        VocabSize = vocabularySize,
        RmsNormEps = 1e-6,
        RopeTheta = 10000,
        MaxPositionEmbeddings = maxPositions,
        TieWordEmbeddings = true,
        EosTokenIds = [endOfSequenceId],
        TorchDtype = "float32",
    };
}
