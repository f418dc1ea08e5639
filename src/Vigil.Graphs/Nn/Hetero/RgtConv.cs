using TorchSharp;
using TorchSharp.Modules;
using Vigil.Graphs.Nn.Conv;
using Vigil.Graphs.Nn.Linear;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Hetero;

/// <summary>
/// Relational graph transformer layer (RGT; Feng et al., AAAI 2022): per relation r a
/// <see cref="TransformerConv"/> (heads averaged) gives u_r; a gate a_r = σ(W_g·[u_r ‖ x]) mixes it with the
/// input, z_r = tanh(u_r)⊙a_r + x⊙(1 − a_r); <see cref="SemanticAttention"/> then combines the relations.
/// Input and output widths are equal (the gate mixes with x). Relations come from
/// <see cref="MessageGraph.Relations"/> (a graph without relations is one relation).
/// </summary>
public sealed class RgtConv : nn.Module<Tensor, MessageGraph, Tensor>
{
    private readonly ModuleList<TransformerConv> transformers = new();
    private readonly FeatureLinear gate;
    private readonly SemanticAttention semantic;

    public int Channels { get; }
    public int NumRelations { get; }

    public RgtConv(int channels, int numRelations, int heads = 8, int semanticHeads = 8, double attentionDropout = 0.0,
        int semanticHidden = 128) : base(nameof(RgtConv))
    {
        if (numRelations < 1) throw new ArgumentException($"{nameof(RgtConv)} needs at least one relation, got {numRelations}.");
        Channels = channels; NumRelations = numRelations;
        for (int r = 0; r < numRelations; r++)
            transformers.Add(new TransformerConv(channels, channels, heads, concat: false, attentionDropout));
        gate = new FeatureLinear(2 * channels, channels);
        semantic = new SemanticAttention(channels, semanticHeads, semanticHidden);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, MessageGraph g)
    {
        using var z = RelationStates(x, g);
        return semantic.forward(z);
    }

    /// <summary>The semantic attention's relation weights for this input, [semantic heads, R].</summary>
    public Tensor RelationWeights(Tensor x, MessageGraph g)
    {
        using var z = RelationStates(x, g);
        return semantic.RelationWeights(z);
    }

    /// <summary>The gated per-relation representations z_r stacked as [targets, R, channels].</summary>
    private Tensor RelationStates(Tensor x, MessageGraph g)
    {
        var relations = g.Relations ?? [g];
        if (relations.Count != NumRelations)
            throw new ArgumentException($"{nameof(RgtConv)} was built for {NumRelations} relations but the graph has {relations.Count}.");
        LayerInput.RequireFeatures(nameof(RgtConv), x, Channels);
        var targets = LayerInput.Targets(x, g);
        var perRelation = new Tensor[NumRelations];
        for (int r = 0; r < NumRelations; r++)
        {
            using var u = transformers[r].forward(x, relations[r]);
            using var a = nn.functional.sigmoid(gate.forward(cat([u, targets], 1)));
            perRelation[r] = tanh(u) * a + targets * (1 - a);
        }
        var z = stack(perRelation, 1);
        foreach (var t in perRelation) t.Dispose();
        return z;
    }
}
