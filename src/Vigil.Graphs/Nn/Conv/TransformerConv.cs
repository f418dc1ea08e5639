using TorchSharp;
using Vigil.Core.Dense;
using Vigil.Core.Sparse;
using Vigil.Graphs.Nn.Linear;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Conv;

/// <summary>
/// Graph transformer convolution (Shi et al. 2021, PyG's TransformerConv): per head, q_i = W_q·x_i,
/// k_j = W_k·x_j, v_j = W_v·x_j; α_ij = softmax_j(q_i·k_j / √d) over i's in-edges; out_i = Σ_j α_ij v_j,
/// heads concatenated or averaged, plus a root (skip) projection W_s·x_i. The per-edge logits come from the
/// edge-dot kernel, so neither side is gathered per edge. No self-loops are added: a target without in-edges
/// keeps only its skip term.
/// </summary>
public sealed class TransformerConv : nn.Module<Tensor, MessageGraph, Tensor>
{
    private readonly FeatureLinear query, key, value, skip;

    public int InFeatures { get; }
    public int HeadFeatures { get; }
    public int Heads { get; }
    public bool Concat { get; }
    public double AttentionDropout { get; }
    public int OutFeatures => Concat ? Heads * HeadFeatures : HeadFeatures;

    public TransformerConv(int inFeatures, int headFeatures, int heads = 1, bool concat = true, double attentionDropout = 0.0)
        : base(nameof(TransformerConv))
    {
        if (heads <= 0) throw new ArgumentException($"{nameof(TransformerConv)} needs at least one head, got {heads}.");
        if (attentionDropout is < 0 or >= 1)
            throw new ArgumentException($"{nameof(TransformerConv)} attention dropout must be in [0, 1), got {attentionDropout}.");
        InFeatures = inFeatures; HeadFeatures = headFeatures; Heads = heads; Concat = concat; AttentionDropout = attentionDropout;
        query = new FeatureLinear(inFeatures, heads * headFeatures);
        key = new FeatureLinear(inFeatures, heads * headFeatures);
        value = new FeatureLinear(inFeatures, heads * headFeatures);
        skip = new FeatureLinear(inFeatures, OutFeatures);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, MessageGraph g)
    {
        LayerInput.RequireSources(nameof(TransformerConv), x.shape[0], g);
        LayerInput.RequireFeatures(nameof(TransformerConv), x, InFeatures);
        var targets = LayerInput.Targets(x, g); // x itself on a full graph: not disposed here
        using var q = query.forward(targets);
        using var k = key.forward(x);
        using var v = value.forward(x);
        using var logits = SparseOps.EdgeDot(g.Adjacency, q, k, Heads).div_(Math.Sqrt(HeadFeatures));
        using var attention = SparseOps.SegmentSoftmax(g.Adjacency, logits);
        using var dropped = FastDropout.Apply(attention, AttentionDropout, training);
        var y = SparseOps.SpMM(g.Adjacency, dropped, v);
        if (!Concat && Heads > 1)
        {
            using var perHead = y.view(-1, Heads, HeadFeatures);
            var mean = perHead.mean([1]);
            y.Dispose();
            y = mean;
        }
        using var root = skip.forward(targets);
        return y.add_(root);
    }
}
