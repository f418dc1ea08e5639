using TorchSharp;
using TorchSharp.Modules;
using Vigil.Core.Dense;
using Vigil.Core.Sparse;
using Vigil.Graphs.Nn.Linear;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Hetero;

/// <summary>
/// Simple-HGN layer (Lv et al., KDD 2021): GAT whose attention logit also sees the edge type,
/// e_ij = LeakyReLU(a_dst·W x_i + a_src·W x_j + a_e·W_r r_type(ij)), softmax over all of i's in-edges across
/// relations plus its self-loop (a type of its own); optional residual attention α ← (1 − β)·α + β·α_prev
/// with the previous layer's α; out = Σ_j α_ij W x_j + residual projection of x_i. Heads concatenated, or
/// averaged (the output layer). Returns the attention so the next layer can mix it in.
/// </summary>
public sealed class SimpleHgnConv : nn.Module<Tensor, MessageGraph, Tensor?, (Tensor Output, Tensor Attention)>
{
    private readonly FeatureLinear lin;
    private readonly FeatureLinear? residual;
    private readonly Parameter typeEmbedding;   // [types, edgeDim]
    private readonly FeatureLinear typeLin;     // edgeDim → heads·edgeDim
    private readonly Parameter attSrc, attDst, attEdge;
    private readonly Parameter? bias;

    public int InFeatures { get; }
    public int HeadFeatures { get; }
    public int Heads { get; }
    public int NumTypes { get; }
    public bool Concat { get; }
    public double NegativeSlope { get; }
    public double ResidualAttention { get; }
    public double AttentionDropout { get; }
    public int OutFeatures => Concat ? Heads * HeadFeatures : HeadFeatures;

    /// <param name="numRelations">Relations of the graph; the self-loop type is added on top.</param>
    public SimpleHgnConv(int inFeatures, int headFeatures, int heads, int numRelations, int edgeDim = 64, bool concat = true,
        double negativeSlope = 0.05, double residualAttention = 0.05, double attentionDropout = 0.0, bool residualConnection = true)
        : base(nameof(SimpleHgnConv))
    {
        if (heads < 1) throw new ArgumentException($"{nameof(SimpleHgnConv)} needs at least one head, got {heads}.");
        if (numRelations < 1) throw new ArgumentException($"{nameof(SimpleHgnConv)} needs at least one relation, got {numRelations}.");
        if (residualAttention is < 0 or > 1) throw new ArgumentException($"{nameof(SimpleHgnConv)} residual attention β must be in [0, 1], got {residualAttention}.");
        if (attentionDropout is < 0 or >= 1) throw new ArgumentException($"{nameof(SimpleHgnConv)} attention dropout must be in [0, 1), got {attentionDropout}.");
        InFeatures = inFeatures; HeadFeatures = headFeatures; Heads = heads; NumTypes = numRelations + 1; Concat = concat;
        NegativeSlope = negativeSlope; ResidualAttention = residualAttention; AttentionDropout = attentionDropout;
        lin = new FeatureLinear(inFeatures, heads * headFeatures, hasBias: false);
        if (residualConnection) residual = new FeatureLinear(inFeatures, heads * headFeatures, hasBias: false);
        typeEmbedding = new Parameter(nn.init.xavier_uniform_(empty(NumTypes, edgeDim)));
        typeLin = new FeatureLinear(edgeDim, heads * edgeDim, hasBias: false);
        attSrc = new Parameter(nn.init.xavier_uniform_(empty(1, heads, headFeatures)));
        attDst = new Parameter(nn.init.xavier_uniform_(empty(1, heads, headFeatures)));
        attEdge = new Parameter(nn.init.xavier_uniform_(empty(1, heads, edgeDim)));
        bias = new Parameter(zeros(OutFeatures));
        RegisterComponents();
    }

    public override (Tensor Output, Tensor Attention) forward(Tensor x, MessageGraph g, Tensor? previousAttention)
    {
        LayerInput.RequireSources(nameof(SimpleHgnConv), x.shape[0], g);
        LayerInput.RequireFeatures(nameof(SimpleHgnConv), x, InFeatures);
        var adjacency = RelationalAdjacency.Of(g, addSelfLoops: true);
        if (adjacency.NumTypes != NumTypes)
            throw new ArgumentException($"{nameof(SimpleHgnConv)} was built for {NumTypes - 1} relations but the graph has {adjacency.NumTypes - 1}.");
        var merged = adjacency.Merged;
        var targets = LayerInput.Targets(x, g);
        using var z = lin.forward(x);                                                   // [Ns, H·F]
        using var zh = z.view(z.shape[0], Heads, HeadFeatures);
        using var scoreSrc = (zh * attSrc).sum(-1);                                      // [Ns, H]
        using var zt = LayerInput.Targets(zh, g);
        using var scoreDst = (zt * attDst).sum(-1);                                      // [Nt, H]
        using var types = typeLin.forward(typeEmbedding).view(NumTypes, Heads, -1);
        using var scoreType = (types * attEdge).sum(-1);                                 // [T, H]
        var device = x.device;
        using var logits = scoreSrc.index_select(0, EdgeTensors.Cols(merged, device))
            .add_(scoreDst.index_select(0, EdgeTensors.Rows(merged, device)))
            .add_(scoreType.index_select(0, EdgeTensors.PerEntry(merged, "edge-type", adjacency.EdgeTypes, device)));
        using var activated = nn.functional.leaky_relu(logits, NegativeSlope);
        var attention = SparseOps.SegmentSoftmax(merged, activated);
        if (previousAttention is not null && ResidualAttention > 0)
        {
            if (previousAttention.shape[0] != attention.shape[0] || previousAttention.shape[1] != attention.shape[1])
                throw new ArgumentException($"{nameof(SimpleHgnConv)}: previous attention is [{string.Join(", ", previousAttention.shape)}], this layer's is [{string.Join(", ", attention.shape)}].");
            var mixed = attention * (1 - ResidualAttention) + previousAttention * ResidualAttention;
            attention.Dispose();
            attention = mixed;
        }
        using var dropped = FastDropout.Apply(attention, AttentionDropout, training);
        var y = SparseOps.SpMM(merged, dropped, z);                                      // [Nt, H·F]
        if (residual is not null)
        {
            using var res = residual.forward(targets);
            y.add_(res);
        }
        if (!Concat && Heads > 1)
        {
            using var perHead = y.view(-1, Heads, HeadFeatures);
            var mean = perHead.mean([1]);
            y.Dispose();
            y = mean;
        }
        return (y.add_(bias!), attention);
    }
}
