using TorchSharp;
using TorchSharp.Modules;
using Vigil.Core.Sparse;
using Vigil.Graphs.Nn.Linear;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Conv;

/// <summary>
/// Graph isomorphism network layer (Xu et al. 2019, GIN-ε): out_i = MLP((1 + ε)·x_i + Σ_{j→i} x_j) with a
/// learnable ε and a two-layer MLP (Linear → [BatchNorm] → ReLU → Linear). The sum commutes with the MLP's
/// first linear map, so X·W₁ comes first (sparse input stays sparse) and the bias is added after aggregating.
/// </summary>
public sealed class GinConv : nn.Module<Tensor, MessageGraph, Tensor>, IFeatureInputLayer
{
    private readonly FeatureLinear lin1;
    private readonly Parameter bias1;
    private readonly BatchNorm1d? norm;
    private readonly FeatureLinear lin2;
    private readonly Parameter eps;

    public int InFeatures { get; }
    public int HiddenFeatures { get; }
    public int OutFeatures { get; }
    /// <summary>The current ε.</summary>
    public Parameter Epsilon => eps;

    public GinConv(int inFeatures, int hiddenFeatures, int outFeatures, bool trainEpsilon = true,
        double initialEpsilon = 0.0, bool batchNorm = true) : base(nameof(GinConv))
    {
        InFeatures = inFeatures; HiddenFeatures = hiddenFeatures; OutFeatures = outFeatures;
        lin1 = new FeatureLinear(inFeatures, hiddenFeatures, hasBias: false);
        bias1 = new Parameter(zeros(hiddenFeatures));
        if (batchNorm) norm = nn.BatchNorm1d(hiddenFeatures);
        lin2 = new FeatureLinear(hiddenFeatures, outFeatures);
        eps = new Parameter(full(1, initialEpsilon), requires_grad: trainEpsilon);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, MessageGraph g)
    {
        LayerInput.RequireSources(nameof(GinConv), x.shape[0], g);
        return Mlp(Aggregate(lin1.forward(x), g));
    }

    public Tensor forward(FeatureInput x, MessageGraph g)
    {
        LayerInput.RequireSources(nameof(GinConv), x.Rows, g);
        return Mlp(Aggregate(lin1.forward(x), g));
    }

    private Tensor Aggregate(Tensor h, MessageGraph g) =>
        LayerInput.Targets(h, g) * (eps + 1) + SparseOps.SegmentSum(g.Adjacency, h) + bias1;

    private Tensor Mlp(Tensor h)
    {
        if (norm is not null) h = norm.forward(h);
        return lin2.forward(nn.functional.relu(h));
    }
}
