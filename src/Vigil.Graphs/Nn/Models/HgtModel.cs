using TorchSharp.Modules;
using Vigil.Graphs.Nn.Hetero;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Models;

/// <summary>HGT (Hu et al., WWW 2020) for one node type: <see cref="HgtConv"/> layers in the <see cref="RelationalStackModel"/> frame.</summary>
public sealed class HgtModel : RelationalStackModel
{
    private readonly ModuleList<HgtConv> layers = new();

    public override int MessagePassingDepth => layers.Count;

    public HgtModel(int inFeatures, int numClasses, int layerCount, int hidden, int numRelations, int heads,
        double dropout, double attentionDropout, GraphPerturbation perturbation, IReadOnlyList<int>? inputBranches = null)
        : base("hgt", inFeatures, numClasses, hidden, dropout, perturbation, inputBranches)
    {
        if (layerCount < 1) throw new ArgumentException($"Model 'hgt' needs at least one layer, got {layerCount}.");
        for (int l = 0; l < layerCount; l++) layers.Add(new HgtConv(hidden, heads, numRelations, attentionDropout));
        RegisterComponents();
    }

    protected override Tensor Layer(int layer, Tensor h, MessageGraph graph) => layers[layer].forward(h, graph);
}
