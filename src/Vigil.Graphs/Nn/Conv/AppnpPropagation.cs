using TorchSharp;
using Vigil.Core.Sparse;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Conv;

/// <summary>
/// APPNP propagation (Klicpera et al. 2019): personalised PageRank by power iteration,
/// Z⁰ = H, Z^{k+1} = (1 − α)·Â·Z^k + α·H, K steps, Â = D^-1/2 (A + I) D^-1/2. Optional dropout on Â's entries at
/// every step (the paper's adjacency dropout) rewrites only the [Nnz] value vector. No parameters.
/// K &gt; 1 needs a square graph; K = 1 also works on a bipartite block (teleporting to the targets' rows).
/// </summary>
public sealed class AppnpPropagation : nn.Module<Tensor, MessageGraph, Tensor>
{
    public int K { get; }
    public double Alpha { get; }
    public double EdgeDropout { get; }

    public AppnpPropagation(int k = 10, double alpha = 0.1, double edgeDropout = 0.0) : base(nameof(AppnpPropagation))
    {
        if (k < 1) throw new ArgumentException($"{nameof(AppnpPropagation)} needs K ≥ 1 steps, got {k}.");
        if (alpha is < 0 or > 1) throw new ArgumentException($"{nameof(AppnpPropagation)} teleport α must be in [0, 1], got {alpha}.");
        if (edgeDropout is < 0 or >= 1) throw new ArgumentException($"{nameof(AppnpPropagation)} edge dropout must be in [0, 1), got {edgeDropout}.");
        K = k; Alpha = alpha; EdgeDropout = edgeDropout;
    }

    public override Tensor forward(Tensor h, MessageGraph g)
    {
        LayerInput.RequireSources(nameof(AppnpPropagation), h.shape[0], g);
        LayerInput.RequireSquareForRepeats(nameof(AppnpPropagation), K, g);
        var a = g.GcnNormalized;
        var teleport = LayerInput.Targets(h, g) * Alpha;
        bool dropEdges = training && EdgeDropout > 0;
        var z = h;
        for (int k = 0; k < K; k++)
        {
            var step = dropEdges
                ? SparseOps.SpMM(a, nn.functional.dropout(EdgeTensors.Values(a, h.device), EdgeDropout, true), z)
                : SparseOps.SpMM(a, z);
            z = step * (1 - Alpha) + teleport;
        }
        return z;
    }
}
