using TorchSharp;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Connections;

/// <summary>
/// x_{l+1} = (1 − α)·layer output + α·x₀: every layer keeps a fixed share of the first representation, the
/// initial residual of APPNP/GCNII applied around any layer.
/// </summary>
public sealed class InitialResidualConnection : nn.Module<Tensor, Tensor, Tensor>
{
    public double Alpha { get; }

    public InitialResidualConnection(double alpha) : base(nameof(InitialResidualConnection))
    {
        if (alpha is < 0 or > 1) throw new ArgumentException($"{nameof(InitialResidualConnection)} α must be in [0, 1], got {alpha}.");
        Alpha = alpha;
    }

    public override Tensor forward(Tensor output, Tensor initial)
    {
        ConnectionShapes.Require(nameof(InitialResidualConnection), output, initial);
        return output * (1 - Alpha) + initial.narrow(0, 0, output.shape[0]) * Alpha;
    }
}
