using TorchSharp;
using TorchSharp.Modules;
using Vigil.Graphs.Nn.Linear;
using Vigil.Graphs.Nn.Regularization;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Models;

/// <summary>
/// The graph-blind baseline: dropout → linear → ReLU …, features only. It passes no messages, so it takes no graph
/// or one (whose targets, the first rows, are the nodes it scores).
/// </summary>
public sealed class MlpModel : NodeModel
{
    private readonly ModuleList<FeatureLinear> layers;
    private readonly DropAttribute inputDropout;
    private readonly GraphPerturbation perturbation;

    public double Dropout { get; }
    public override int MessagePassingDepth => 0;

    public MlpModel(int inFeatures, int numClasses, int layers, int hidden, double dropout, GraphPerturbation perturbation) : base("mlp")
    {
        if (layers < 1) throw new ArgumentException($"Model 'mlp' needs at least one layer, got {layers}.");
        Dropout = dropout;
        this.perturbation = perturbation;
        inputDropout = new DropAttribute(dropout, DropAttributeMode.Element);
        this.layers = new ModuleList<FeatureLinear>();
        for (int l = 0; l < layers; l++)
            this.layers.Add(new FeatureLinear(l == 0 ? inFeatures : hidden, l == layers - 1 ? numClasses : hidden));
        RegisterComponents();
    }

    public override Tensor forward(FeatureInput x, IReadOnlyList<MessageGraph> blocks)
    {
        if (blocks.Count > 1)
            throw new ArgumentException($"Model 'mlp' passes no messages: pass no graph or one, got {blocks.Count}.");
        var (features, _) = perturbation.forward(x, blocks);
        var h = layers[0].forward(inputDropout.forward(features));
        for (int l = 1; l < layers.Count; l++)
            h = layers[l].forward(nn.functional.dropout(nn.functional.relu(h), Dropout, training));
        return blocks.Count == 1 ? LayerInput.Targets(h, blocks[0]) : h;
    }
}
