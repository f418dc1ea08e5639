using TorchSharp;
using TorchSharp.Modules;
using Vigil.Core.Sparse;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Conv;

/// <summary>
/// GCNII layer (Chen et al. 2020): h = (1 − α)·Â·x + α·x₀ (initial residual), out = (1 − β)·h + β·h·W
/// (identity mapping) with β_l = ln(λ/l + 1) shrinking with depth l (1-based). x₀ is the first layer's
/// representation; on a bipartite block only its target rows are used. No bias, as in the paper.
/// </summary>
public sealed class Gcn2Conv : nn.Module<Tensor, Tensor, MessageGraph, Tensor>
{
    private readonly Parameter weight;

    public int Features { get; }
    public double Alpha { get; }
    public double Beta { get; }

    public Gcn2Conv(int features, double alpha, double lambda, int layer) : base(nameof(Gcn2Conv))
    {
        if (layer < 1) throw new ArgumentException($"{nameof(Gcn2Conv)} layer index is 1-based, got {layer}.");
        if (alpha is < 0 or > 1) throw new ArgumentException($"{nameof(Gcn2Conv)} α must be in [0, 1], got {alpha}.");
        if (lambda <= 0) throw new ArgumentException($"{nameof(Gcn2Conv)} λ must be positive, got {lambda}.");
        Features = features; Alpha = alpha;
        Beta = Math.Log(lambda / layer + 1);
        weight = new Parameter(nn.init.xavier_uniform_(empty(features, features)));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, Tensor x0, MessageGraph g)
    {
        LayerInput.RequireSources(nameof(Gcn2Conv), x.shape[0], g);
        LayerInput.RequireFeatures(nameof(Gcn2Conv), x, Features);
        LayerInput.RequireFeatures(nameof(Gcn2Conv), x0, Features);
        if (x0.shape[0] < g.NumTargets)
            throw new ArgumentException($"{nameof(Gcn2Conv)}: initial representation has {x0.shape[0]} rows, fewer than the {g.NumTargets} targets.");
        // Both mixes are folded into one fused op each: the initial residual into the sparse product, and the
        // identity mapping into the weight, (1 − β)·h + β·h·W = h·((1 − β)·I + β·W). At 64 layers of Cora-sized
        // blocks the step is bound by whole-block passes, not arithmetic, so four fewer passes per layer (forward
        // and backward) is most of the layer's cost.
        // Full batch: x₀ itself, since a narrow view would add a zero-filled copy to every layer's backward.
        using var initial = x0.shape[0] == g.NumTargets ? x0.alias() : x0.narrow(0, 0, g.NumTargets);
        using var h = SparseOps.SpMMAdd(g.GcnNormalized, x, 1 - Alpha, initial, Alpha);
        using var identity = eye(Features, dtype: weight.dtype);
        using var mixed = weight.mul(Beta).add_(identity, 1 - Beta);
        return h.matmul(mixed);
    }
}
