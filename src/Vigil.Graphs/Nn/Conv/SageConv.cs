using TorchSharp;
using TorchSharp.Modules;
using Vigil.Core.Sparse;
using Vigil.Graphs.Nn.Linear;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Conv;

/// <summary>
/// GraphSAGE (Hamilton et al. 2017): out_i = W_l·AGG_j(x_j) + W_r·x_i + b, optionally L2-normalised.
/// Mean: AGG is the neighbour mean, and since it commutes with W_l both weights are applied first in one product
/// (one sparse X·W for sparse input). Max: the paper's pooling aggregator max_j ReLU(W_pool·x_j + b_pool), whose
/// first step is again linear, so W_pool and W_r share one product too.
/// </summary>
public sealed class SageConv : nn.Module<Tensor, MessageGraph, Tensor>, IFeatureInputLayer
{
    // Columns [0, A) feed the aggregation (A = OutFeatures for mean, PoolFeatures for max); [A, A+Out) are W_r.
    private readonly FeatureLinear lin;
    private readonly FeatureLinear? poolOut;
    private readonly Parameter? poolBias;
    private readonly Parameter? bias;

    public int InFeatures { get; }
    public int OutFeatures { get; }
    public SageAggregator Aggregator { get; }
    public bool RootWeight { get; }
    public bool Normalize { get; }
    /// <summary>Width of the pooling MLP (max aggregator only).</summary>
    public int PoolFeatures { get; }

    private int AggWidth => Aggregator == SageAggregator.Mean ? OutFeatures : PoolFeatures;

    public SageConv(int inFeatures, int outFeatures, SageAggregator aggregator = SageAggregator.Mean,
        bool rootWeight = true, bool normalize = false, int? poolFeatures = null, bool hasBias = true) : base(nameof(SageConv))
    {
        InFeatures = inFeatures; OutFeatures = outFeatures; Aggregator = aggregator;
        RootWeight = rootWeight; Normalize = normalize;
        PoolFeatures = poolFeatures ?? outFeatures;
        if (PoolFeatures <= 0) throw new ArgumentException($"{nameof(SageConv)} pool width must be positive, got {PoolFeatures}.");
        lin = new FeatureLinear(inFeatures, AggWidth + (rootWeight ? outFeatures : 0), hasBias: false);
        if (aggregator == SageAggregator.Max)
        {
            poolBias = new Parameter(zeros(PoolFeatures));
            poolOut = new FeatureLinear(PoolFeatures, outFeatures, hasBias: false);
        }
        if (hasBias) bias = new Parameter(zeros(outFeatures));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, MessageGraph g)
    {
        LayerInput.RequireSources(nameof(SageConv), x.shape[0], g);
        return Combine(lin.forward(x), g);
    }

    public Tensor forward(FeatureInput x, MessageGraph g)
    {
        LayerInput.RequireSources(nameof(SageConv), x.Rows, g);
        return Combine(lin.forward(x), g);
    }

    private Tensor Combine(Tensor h, MessageGraph g)
    {
        var toAggregate = RootWeight ? h.narrow(1, 0, AggWidth).contiguous() : h;
        Tensor y = Aggregator == SageAggregator.Mean
            ? SparseOps.SpMM(g.MeanNormalized, toAggregate)
            : poolOut!.forward(SparseOps.SegmentMax(g.Adjacency, nn.functional.relu(toAggregate + poolBias!)));
        // In place: the aggregation's output is not needed by its backward, and each add saves a full-size buffer.
        if (RootWeight) y = y.add_(LayerInput.Targets(h, g).narrow(1, AggWidth, OutFeatures));
        if (bias is not null) y = y.add_(bias);
        return Normalize ? nn.functional.normalize(y, 2.0, -1) : y;
    }
}
