using TorchSharp;
using Vigil.Graphs.Nn.Conv;

namespace Vigil.Graphs.Nn.Models;

/// <summary>GIN (Xu et al. 2019): stacked GIN-ε layers, each a two-layer MLP with batch norm, ReLU between layers.</summary>
public sealed class GinModel : ConvStackModel
{
    public GinModel(int inFeatures, int numClasses, ConvStackOptions options, GraphPerturbation perturbation)
        : base("gin", inFeatures, numClasses, options, perturbation, t => t.relu_(),
            (_, inF, outF, _) => (new GinConv(inF, options.Hidden, outF), outF)) { }
}
