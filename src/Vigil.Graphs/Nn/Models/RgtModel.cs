using TorchSharp.Modules;
using Vigil.Graphs.Nn.Hetero;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Models;

/// <summary>RGT (Feng et al., AAAI 2022): <see cref="RgtConv"/> layers in the <see cref="RelationalStackModel"/> frame.</summary>
public sealed class RgtModel : RelationalStackModel
{
    private readonly ModuleList<RgtConv> layers = new();

    public override int MessagePassingDepth => layers.Count;

    public RgtModel(int inFeatures, int numClasses, int layerCount, int hidden, int numRelations, int heads, int semanticHeads,
        double dropout, double attentionDropout, GraphPerturbation perturbation, IReadOnlyList<int>? inputBranches = null)
        : base("rgt", inFeatures, numClasses, hidden, dropout, perturbation, inputBranches)
    {
        if (layerCount < 1) throw new ArgumentException($"Model 'rgt' needs at least one layer, got {layerCount}.");
        for (int l = 0; l < layerCount; l++) layers.Add(new RgtConv(hidden, numRelations, heads, semanticHeads, attentionDropout));
        RegisterComponents();
    }

    protected override Tensor Layer(int layer, Tensor h, MessageGraph graph) => layers[layer].forward(h, graph);
}
