using TorchSharp;
using Vigil.Core.Sparse;
using Vigil.Graphs.Nn;
using Vigil.Graphs.Nn.Norm;
using Vigil.Nas.Cells;
using static TorchSharp.torch;

namespace Vigil.Nas.Operations;

/// <summary>
/// Personalised-PageRank propagation that teleports to the network's initial representation x₀ (APPNP's original
/// form, where the teleport target is the stem's output): dropout → Z⁰ = x, Z^{k+1} = (1 − α)·Â·Z^k + α·x₀, K steps →
/// PairNorm → ReLU. No weights. Unlike <c>appnp</c>, which teleports to its own input, every block stays anchored to
/// x₀, so a deep stack of such cells cannot drift from the stem's representation (GCNII's initial residual, with
/// PageRank propagation in place of the weight matrix).
/// </summary>
public sealed class InitialTeleportOperation : SearchOperation
{
    public const string OperationName = "appnp-initial";

    private readonly PairNorm? norm;
    private readonly Generator? generator;

    public int Steps { get; }
    public double Alpha { get; }
    public double Dropout { get; }

    public InitialTeleportOperation(OperationContext context) : base(OperationName)
    {
        var o = context.Options;
        Steps = o.AppnpSteps;
        Alpha = o.AppnpAlpha;
        norm = o.PairNorm is { } mode ? new PairNorm(mode, o.PairNormScale) : null;
        Dropout = o.Dropout;
        generator = context.Generator;
        RegisterComponents();
    }

    public override CellState forward(CellState input, Tensor initial)
    {
        var g = input.Graph;
        LayerInput.RequireSquareForRepeats(OperationName, Steps, g);
        if (initial.shape[0] != g.NumTargets)
            throw new ArgumentException($"{OperationName}: the initial representation has {initial.shape[0]} rows, the graph {g.NumTargets} nodes.");
        var z = NoiseDropout.Apply(input.Features, Dropout, training, generator);
        for (int k = 0; k < Steps; k++) z = SparseOps.SpMMAdd(g.GcnNormalized, z, 1 - Alpha, initial, Alpha);
        return input with { Features = nn.functional.relu(norm is null ? z : norm.forward(z)) };
    }
}
