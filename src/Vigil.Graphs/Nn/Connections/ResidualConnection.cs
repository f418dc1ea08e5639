using TorchSharp;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Connections;

/// <summary>
/// x_{l+1} = layer output + x_l: the previous representation skips the layer. On a block the output has the
/// targets' rows only, which are the first rows of the previous representation.
/// </summary>
public sealed class ResidualConnection : nn.Module<Tensor, Tensor, Tensor>
{
    public ResidualConnection() : base(nameof(ResidualConnection)) { }

    public override Tensor forward(Tensor output, Tensor previous)
    {
        ConnectionShapes.Require(nameof(ResidualConnection), output, previous);
        return output + previous.narrow(0, 0, output.shape[0]);
    }
}
