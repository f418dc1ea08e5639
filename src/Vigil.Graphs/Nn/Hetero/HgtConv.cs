using TorchSharp;
using TorchSharp.Modules;
using Vigil.Core.Dense;
using Vigil.Core.Sparse;
using Vigil.Graphs.Nn.Linear;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Hetero;

/// <summary>
/// Heterogeneous graph transformer layer (Hu et al., WWW 2020) for one node type and R relations (the user graph
/// of bot detection): per head, k_j = K·x_j, q_i = Q·x_i, v_j = V·x_j; for an edge j→i of relation r the logit
/// is (k_j·W^att_r)·q_i·μ_r / √d and the message v_j·W^msg_r; the softmax runs over all of i's in-edges across
/// relations; out_i = σ(s)·A(GELU(Σ α·msg)) + (1 − σ(s))·x_i. Relation-specific keys and messages are stacked
/// as [R·N, H·d] and read through <see cref="RelationalAdjacency"/>, so one kernel pass covers every relation.
/// </summary>
public sealed class HgtConv : nn.Module<Tensor, MessageGraph, Tensor>
{
    private readonly FeatureLinear key, query, value, output;
    private readonly Parameter relationAttention;   // [R, H, d, d]
    private readonly Parameter relationMessage;     // [R, H, d, d]
    private readonly Parameter relationPrior;       // μ: [R, H]
    private readonly Parameter skip;

    public int Channels { get; }
    public int Heads { get; }
    public int HeadFeatures { get; }
    public int NumRelations { get; }
    public double AttentionDropout { get; }

    public HgtConv(int channels, int heads, int numRelations, double attentionDropout = 0.0) : base(nameof(HgtConv))
    {
        if (heads < 1 || channels % heads != 0)
            throw new ArgumentException($"{nameof(HgtConv)}: {channels} channels do not split into {heads} heads.");
        if (numRelations < 1) throw new ArgumentException($"{nameof(HgtConv)} needs at least one relation, got {numRelations}.");
        if (attentionDropout is < 0 or >= 1) throw new ArgumentException($"{nameof(HgtConv)} attention dropout must be in [0, 1), got {attentionDropout}.");
        Channels = channels; Heads = heads; HeadFeatures = channels / heads; NumRelations = numRelations;
        AttentionDropout = attentionDropout;
        key = new FeatureLinear(channels, channels);
        query = new FeatureLinear(channels, channels);
        value = new FeatureLinear(channels, channels);
        output = new FeatureLinear(channels, channels);
        relationAttention = new Parameter(RelationMatrices());
        relationMessage = new Parameter(RelationMatrices());
        relationPrior = new Parameter(ones(numRelations, heads));
        skip = new Parameter(ones(1));
        RegisterComponents();
    }

    private Tensor RelationMatrices()
    {
        var w = empty(NumRelations, Heads, HeadFeatures, HeadFeatures);
        using (no_grad())
            for (int r = 0; r < NumRelations; r++)
                for (int h = 0; h < Heads; h++)
                    nn.init.xavier_uniform_(w[r, h]);
        return w;
    }

    public override Tensor forward(Tensor x, MessageGraph g)
    {
        LayerInput.RequireSources(nameof(HgtConv), x.shape[0], g);
        LayerInput.RequireFeatures(nameof(HgtConv), x, Channels);
        var adjacency = RelationalAdjacency.Of(g);
        if (adjacency.NumTypes != NumRelations)
            throw new ArgumentException($"{nameof(HgtConv)} was built for {NumRelations} relations but the graph has {adjacency.NumTypes}.");
        long sources = x.shape[0];
        var targets = LayerInput.Targets(x, g);
        using var k = key.forward(x).view(sources, Heads, HeadFeatures);
        using var v = value.forward(x).view(sources, Heads, HeadFeatures);
        using var q = query.forward(targets);
        // Relation-transformed keys and messages for every source, stacked relation-major: row r·N + j.
        using var keys = einsum("nhd,rhde->rnhe", k, relationAttention).reshape(NumRelations * sources, Channels);
        using var messages = einsum("nhd,rhde->rnhe", v, relationMessage).reshape(NumRelations * sources, Channels);
        using var prior = relationPrior.index_select(0, EdgeTensors.PerEntry(adjacency.Matrix, "edge-type", adjacency.EdgeTypes, x.device));
        using var logits = SparseOps.EdgeDot(adjacency.Matrix, q, keys, Heads).mul_(1.0 / Math.Sqrt(HeadFeatures)) * prior;
        using var attention = SparseOps.SegmentSoftmax(adjacency.Matrix, logits);
        using var dropped = FastDropout.Apply(attention, AttentionDropout, training);
        using var aggregated = SparseOps.SpMM(adjacency.Matrix, dropped, messages);      // [Nt, C]
        using var transformed = output.forward(nn.functional.gelu(aggregated));
        using var gateValue = sigmoid(skip);
        return transformed * gateValue + targets * (1 - gateValue);
    }
}
