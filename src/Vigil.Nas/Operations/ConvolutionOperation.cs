using TorchSharp;
using Vigil.Graphs.Nn;
using Vigil.Graphs.Nn.Norm;
using Vigil.Nas.Cells;
using static TorchSharp.torch;

namespace Vigil.Nas.Operations;

/// <summary>
/// A message-passing operation as GraTO defines it: dropout → convolution → PairNorm → ReLU, at the hidden width.
/// PairNorm after every aggregation is GraTO's guard against over-smoothing inside each candidate.
/// </summary>
public sealed class ConvolutionOperation : SearchOperation
{
    private readonly nn.Module<Tensor, MessageGraph, Tensor> conv;
    private readonly PairNorm norm;

    public double Dropout { get; }

    public ConvolutionOperation(string name, nn.Module<Tensor, MessageGraph, Tensor> conv, OperationOptions options) : base(name)
    {
        this.conv = conv;
        norm = new PairNorm(options.PairNorm, options.PairNormScale);
        Dropout = options.Dropout;
        RegisterComponents();
    }

    public override CellState forward(CellState input, Tensor initial)
    {
        var x = nn.functional.dropout(input.Features, Dropout, training);
        return input with { Features = nn.functional.relu(norm.forward(conv.forward(x, input.Graph))) };
    }
}
