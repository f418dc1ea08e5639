using TorchSharp;
using TorchSharp.Modules;
using Vigil.Graphs.Nn.Conv;
using Vigil.Graphs.Nn.Linear;
using Vigil.Graphs.Nn.Regularization;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Models;

/// <summary>
/// APPNP (Klicpera et al. 2019): an MLP predicts per node (dropout → linear → ReLU …), then
/// <see cref="AppnpPropagation"/> spreads the predictions by personalised PageRank. Full batch only.
/// </summary>
public sealed class AppnpModel : NodeModel
{
    private readonly ModuleList<FeatureLinear> mlp;
    private readonly AppnpPropagation propagation;
    private readonly DropAttribute inputDropout;
    private readonly GraphPerturbation perturbation;

    public double Dropout { get; }
    public override int MessagePassingDepth => propagation.K;

    public AppnpModel(int inFeatures, int numClasses, int layers, int hidden, double dropout, int k, double alpha,
        double edgeDropout, GraphPerturbation perturbation) : base("appnp")
    {
        if (layers < 1) throw new ArgumentException($"Model 'appnp' needs at least one MLP layer, got {layers}.");
        Dropout = dropout;
        this.perturbation = perturbation;
        inputDropout = new DropAttribute(dropout, DropAttributeMode.Element);
        mlp = new ModuleList<FeatureLinear>();
        for (int l = 0; l < layers; l++)
            mlp.Add(new FeatureLinear(l == 0 ? inFeatures : hidden, l == layers - 1 ? numClasses : hidden));
        propagation = new AppnpPropagation(k, alpha, edgeDropout);
        RegisterComponents();
    }

    public override Tensor forward(FeatureInput x, IReadOnlyList<MessageGraph> blocks)
    {
        var g = LayerGraphs.FullBatch("appnp", blocks, $"it propagates K = {propagation.K} steps over one graph");
        var (features, graphs) = perturbation.forward(x, [g]);
        var h = mlp[0].forward(inputDropout.forward(features));
        for (int l = 1; l < mlp.Count; l++)
            h = mlp[l].forward(nn.functional.dropout(nn.functional.relu(h), Dropout, training));
        return propagation.forward(h, graphs[0]);
    }
}
