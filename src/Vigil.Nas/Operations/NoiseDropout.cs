using TorchSharp;
using static TorchSharp.torch;

namespace Vigil.Nas.Operations;

/// <summary>
/// Inverted dropout that draws its mask from a given generator, so a network with its own generator is
/// reproducible however other code uses torch's global one. Identity outside training.
/// </summary>
public static class NoiseDropout
{
    public static Tensor Apply(Tensor x, double p, bool training, Generator? generator)
    {
        if (!training || p == 0) return x;
        if (generator is null) return nn.functional.dropout(x, p, true);
        var keep = rand(x.shape, generator: generator).ge_(p).to(x.dtype);
        return x * keep * (1.0 / (1 - p));
    }
}
