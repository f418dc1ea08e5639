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
    private readonly PairNorm? norm;
    private readonly Generator? generator;

    public double Dropout { get; }

    public ConvolutionOperation(string name, nn.Module<Tensor, MessageGraph, Tensor> conv, OperationContext context) : base(name)
    {
        this.conv = conv;
        norm = context.Options.PairNorm is { } mode ? new PairNorm(mode, context.Options.PairNormScale) : null;
        Dropout = context.Options.Dropout;
        generator = context.Generator;
        RegisterComponents();
    }

    public override CellState forward(CellState input, Tensor initial)
    {
        var x = NoiseDropout.Apply(input.Features, Dropout, training, generator);
        return input with { Features = nn.functional.relu(Normalize(conv.forward(x, input.Graph))) };
    }

    private Tensor Normalize(Tensor h) => norm is null ? h : norm.forward(h);
}
