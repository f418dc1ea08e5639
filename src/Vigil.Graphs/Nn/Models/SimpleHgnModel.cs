using TorchSharp;
using TorchSharp.Modules;
using Vigil.Graphs.Nn.Hetero;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Models;

/// <summary>
/// Simple-HGN (Lv et al., KDD 2021): <see cref="SimpleHgnConv"/> layers (heads concatenated to the hidden width,
/// ELU, residual attention passed from layer to layer) in the <see cref="RelationalStackModel"/> frame.
/// </summary>
public sealed class SimpleHgnModel : RelationalStackModel
{
    private readonly ModuleList<SimpleHgnConv> layers = new();
    private Tensor? previousAttention;

    public override int MessagePassingDepth => layers.Count;

    public SimpleHgnModel(int inFeatures, int numClasses, int layerCount, int hidden, int numRelations, int heads,
        double dropout, double attentionDropout, GraphPerturbation perturbation, IReadOnlyList<int>? inputBranches = null)
        : base("simplehgn", inFeatures, numClasses, hidden, dropout, perturbation, inputBranches)
    {
        if (layerCount < 1) throw new ArgumentException($"Model 'simplehgn' needs at least one layer, got {layerCount}.");
        if (hidden % heads != 0) throw new ArgumentException($"Model 'simplehgn': hidden width {hidden} does not split into {heads} heads.");
        for (int l = 0; l < layerCount; l++)
            layers.Add(new SimpleHgnConv(hidden, hidden / heads, heads, numRelations, attentionDropout: attentionDropout));
        RegisterComponents();
    }

    protected override void BeginForward() => previousAttention = null;

    protected override Tensor Layer(int layer, Tensor h, MessageGraph graph)
    {
        // Residual attention only makes sense between layers over the same edges (full batch).
        var prior = previousAttention is not null && previousAttention.shape[0] == RelationalAdjacency.Of(graph, true).Merged.Nnz
            ? previousAttention : null;
        var (output, attention) = layers[layer].forward(h, graph, prior);
        previousAttention = attention;
        return nn.functional.elu(output, 1.0);
    }
}
