using TorchSharp;
using static TorchSharp.torch;

namespace Vigil.Safety.Policy.Model;

/// <summary>
/// Rotary position embeddings in Hugging Face's rotate-half layout: dimension i pairs with i + d/2, frequencies
/// θ^(−2i/d), optionally rescaled by Llama 3's rope scaling. Holds no parameters (HF's <c>inv_freq</c> is not saved).
/// </summary>
public sealed class RotaryEmbedding
{
    private readonly double[] _inverseFrequencies;

    public RotaryEmbedding(TransformerConfig config)
    {
        int half = config.HeadDim / 2;
        var frequencies = Enumerable.Range(0, half).Select(i => 1.0 / Math.Pow(config.RopeTheta, 2.0 * i / config.HeadDim)).ToArray();
        _inverseFrequencies = config.RopeScaling?.Apply(frequencies) ?? frequencies;
    }

    /// <summary>cos and sin [batch, 1, time, headDim] for int64 <paramref name="positions"/> [batch, time].</summary>
    public (Tensor Cos, Tensor Sin) Angles(Tensor positions)
    {
        using var scope = NewDisposeScope();
        var inverse = tensor(_inverseFrequencies.Select(f => (float)f).ToArray(), device: positions.device);
        var freqs = positions.to_type(ScalarType.Float32).unsqueeze(-1) * inverse;
        var emb = cat([freqs, freqs], -1).unsqueeze(1);
        return (emb.cos().MoveToOuterDisposeScope(), emb.sin().MoveToOuterDisposeScope());
    }

    /// <summary>x·cos + rotate_half(x)·sin for x [batch, heads, time, headDim].</summary>
    public static Tensor Apply(Tensor x, Tensor cos, Tensor sin)
    {
        using var scope = NewDisposeScope();
        long half = x.shape[^1] / 2;
        var rotated = cat([x.narrow(-1, half, half).neg(), x.narrow(-1, 0, half)], -1);
        return (x * cos).add_(rotated * sin).MoveToOuterDisposeScope();
    }
}
