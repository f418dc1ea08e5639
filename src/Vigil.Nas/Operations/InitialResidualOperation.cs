using TorchSharp;
using Vigil.Graphs.Nn.Conv;
using Vigil.Graphs.Nn.Norm;
using Vigil.Nas.Cells;
using static TorchSharp.torch;

namespace Vigil.Nas.Operations;

/// <summary>
/// A GCNII layer as an operation: dropout → (1 − α)·Â·x + α·x₀ with identity mapping → PairNorm → ReLU, where x₀
/// is the network's initial representation and the identity-mapping strength follows the block's depth.
/// </summary>
public sealed class InitialResidualOperation : SearchOperation
{
    private readonly Gcn2Conv conv;
    private readonly PairNorm? norm;
    private readonly Generator? generator;

    public double Dropout { get; }

    public InitialResidualOperation(OperationContext context) : base("gcnii")
    {
        var o = context.Options;
        conv = new Gcn2Conv(context.Hidden, o.InitialResidualAlpha, o.InitialResidualLambda, context.Block + 1);
        norm = o.PairNorm is { } mode ? new PairNorm(mode, o.PairNormScale) : null;
        Dropout = o.Dropout;
        generator = context.Generator;
        RegisterComponents();
    }

    public override CellState forward(CellState input, Tensor initial)
    {
        var x = NoiseDropout.Apply(input.Features, Dropout, training, generator);
        return input with { Features = nn.functional.relu(Normalize(conv.forward(x, initial, input.Graph))) };
    }

    private Tensor Normalize(Tensor h) => norm is null ? h : norm.forward(h);
}
