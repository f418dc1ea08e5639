using TorchSharp;
using Vigil.Graphs.Nn.Conv;

namespace Vigil.Graphs.Nn.Models;

/// <summary>
/// R-GCN (Schlichtkrull et al. 2018): stacked <see cref="RgcnConv"/> with ReLU over the graphs'
/// <see cref="MessageGraph.Relations"/> (a plain graph counts as one relation).
/// </summary>
public sealed class RgcnModel : ConvStackModel
{
    public RgcnModel(int inFeatures, int numClasses, ConvStackOptions options, GraphPerturbation perturbation,
        int numRelations, int? numBases)
        : base("rgcn", inFeatures, numClasses, options, perturbation, t => t.relu_(),
            (_, inF, outF, _) => (new RgcnConv(inF, outF, numRelations, numBases), outF)) { }
}
