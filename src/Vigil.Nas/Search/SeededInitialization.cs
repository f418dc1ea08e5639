using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Vigil.Nas.Search;

/// <summary>
/// Re-draws a network's random initial weights from its own generator, so that a seeded search or retraining starts
/// from the same weights even while other code draws from torch's global generator. Every matrix (rank ≥ 2) gets
/// Glorot-uniform, the initialisation all of Vigil's layers use; vectors and scalars (biases, batch-norm scales,
/// AGNN's β, GIN's ε) keep their constant initial values.
/// </summary>
public static class SeededInitialization
{
    /// <summary>Re-draws <paramref name="module"/>'s matrices; call it after the module has registered its components.</summary>
    public static void Apply(nn.Module module, Generator generator) => Apply(module.parameters(), generator);

    /// <summary>Re-draws the matrices among <paramref name="parameters"/>, in the order given.</summary>
    public static void Apply(IEnumerable<Parameter> parameters, Generator generator)
    {
        using var _ = no_grad();
        foreach (var p in parameters)
        {
            if (p.dim() < 2) continue;
            // torch's fan rule: fan_in = size(1)·receptive field, fan_out = size(0)·receptive field.
            long receptive = 1;
            for (int d = 2; d < p.dim(); d++) receptive *= p.shape[d];
            double fanIn = p.shape[1] * receptive, fanOut = p.shape[0] * receptive;
            double bound = Math.Sqrt(6.0 / (fanIn + fanOut));
            using var u = rand(p.shape, generator: generator);
            p.copy_(u * (2 * bound) - bound);
        }
    }
}
