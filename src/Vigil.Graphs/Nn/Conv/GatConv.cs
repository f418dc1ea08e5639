using Vigil.Core.Dense;
using TorchSharp;
using TorchSharp.Modules;
using Vigil.Core.Sparse;
using Vigil.Graphs.Nn.Linear;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Conv;

/// <summary>
/// Graph attention (Veličković et al. 2018). Per head h: z = X·W_h; e_ij = LeakyReLU(a_dst·z_i + a_src·z_j) over
/// the in-edges of i plus its self-loop; α = softmax_j e_ij per destination (SegmentSoftmax); out_i = Σ_j α_ij z_j.
/// Heads are concatenated or averaged. The [Nnz, H] attention goes straight to the multi-head SpMM, so no dense
/// N×N attention matrix ever exists.
/// </summary>
public sealed class GatConv : nn.Module<Tensor, MessageGraph, Tensor>, IFeatureInputLayer
{
    private readonly FeatureLinear lin;
    private readonly Parameter attSrc, attDst;
    private readonly Parameter? bias;

    public int InFeatures { get; }
    /// <summary>Features per head.</summary>
    public int HeadFeatures { get; }
    public int Heads { get; }
    public bool Concat { get; }
    public double NegativeSlope { get; }
    public double AttentionDropout { get; }
    /// <summary>Output width: Heads·HeadFeatures when concatenating, HeadFeatures when averaging.</summary>
    public int OutFeatures => Concat ? Heads * HeadFeatures : HeadFeatures;

    public GatConv(int inFeatures, int headFeatures, int heads = 1, bool concat = true,
        double negativeSlope = 0.2, double attentionDropout = 0.0, bool hasBias = true) : base(nameof(GatConv))
    {
        if (heads <= 0) throw new ArgumentException($"{nameof(GatConv)} needs at least one head, got {heads}.");
        if (attentionDropout is < 0 or >= 1) throw new ArgumentException($"{nameof(GatConv)} attention dropout must be in [0, 1), got {attentionDropout}.");
        InFeatures = inFeatures; HeadFeatures = headFeatures; Heads = heads; Concat = concat;
        NegativeSlope = negativeSlope; AttentionDropout = attentionDropout;
        lin = new FeatureLinear(inFeatures, heads * headFeatures, hasBias: false);
        attSrc = new Parameter(nn.init.xavier_uniform_(empty(1, heads, headFeatures)));
        attDst = new Parameter(nn.init.xavier_uniform_(empty(1, heads, headFeatures)));
        if (hasBias) bias = new Parameter(zeros(OutFeatures));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, MessageGraph g)
    {
        LayerInput.RequireSources(nameof(GatConv), x.shape[0], g);
        return Aggregate(lin.forward(x), g);
    }

    public Tensor forward(FeatureInput x, MessageGraph g)
    {
        LayerInput.RequireSources(nameof(GatConv), x.Rows, g);
        return Aggregate(lin.forward(x), g);
    }

    /// <summary>
    /// The attention coefficients [Nnz, Heads] over the entries of <c>g.WithSelfLoops</c> (before dropout); each
    /// destination's coefficients sum to 1 per head.
    /// </summary>
    public Tensor AttentionWeights(Tensor x, MessageGraph g)
    {
        LayerInput.RequireSources(nameof(GatConv), x.shape[0], g);
        return Attention(lin.forward(x), g);
    }

    private Tensor Attention(Tensor z, MessageGraph g)
    {
        var a = g.WithSelfLoops;
        var zh = z.view(z.shape[0], Heads, HeadFeatures);
        var scoreSrc = (zh * attSrc).sum(-1);                                 // [Ns, H]
        var scoreDst = (LayerInput.Targets(zh, g) * attDst).sum(-1);         // [Nt, H]
        var e = scoreSrc.index_select(0, EdgeTensors.Cols(a, z.device))
              + scoreDst.index_select(0, EdgeTensors.Rows(a, z.device));    // [Nnz, H]
        return SparseOps.SegmentSoftmax(a, nn.functional.leaky_relu(e, NegativeSlope));
    }

    private Tensor Aggregate(Tensor z, MessageGraph g)
    {
        var alpha = FastDropout.Apply(Attention(z, g), AttentionDropout, training);
        var y = SparseOps.SpMM(g.WithSelfLoops, alpha, z);                   // [Nt, H·F]
        if (!Concat) y = Heads == 1 ? y : y.view(-1, Heads, HeadFeatures).mean([1]);
        // In place: neither the edge-valued product nor the head mean keeps its output for backward.
        return bias is null ? y : y.add_(bias);
    }
}
