using TorchSharp.Modules;
using Vigil.Graphs.Nn.Conv;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Models;

/// <summary>
/// BotRGCN (Feng et al., ASONAM 2021): the user features in four branches (numeric, categorical, description,
/// tweets) → Linear + LeakyReLU → R-GCN layers over the follow relations → Linear + LeakyReLU → classifier.
/// The paper: hidden 32, two R-GCN layers, dropout 0.1, AdamW lr 1e-2, weight decay 5e-2.
/// </summary>
public sealed class BotRgcnModel : RelationalStackModel
{
    private readonly ModuleList<RgcnConv> layers = new();

    public override int MessagePassingDepth => layers.Count;

    public BotRgcnModel(int inFeatures, int numClasses, int layerCount, int hidden, int numRelations, double dropout,
        GraphPerturbation perturbation, IReadOnlyList<int>? inputBranches = null)
        : base("botrgcn", inFeatures, numClasses, hidden, dropout, perturbation, inputBranches)
    {
        if (layerCount < 1) throw new ArgumentException($"Model 'botrgcn' needs at least one layer, got {layerCount}.");
        for (int l = 0; l < layerCount; l++) layers.Add(new RgcnConv(hidden, hidden, numRelations));
        RegisterComponents();
    }

    protected override Tensor Layer(int layer, Tensor h, MessageGraph graph) => layers[layer].forward(h, graph);
}
