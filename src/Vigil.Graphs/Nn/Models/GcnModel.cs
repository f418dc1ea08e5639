using TorchSharp;
using Vigil.Graphs.Nn.Conv;

namespace Vigil.Graphs.Nn.Models;

/// <summary>GCN (Kipf &amp; Welling 2017): stacked <see cref="GcnConv"/> with ReLU.</summary>
public sealed class GcnModel : ConvStackModel
{
    public GcnModel(int inFeatures, int numClasses, ConvStackOptions options, GraphPerturbation perturbation)
        : base("gcn", inFeatures, numClasses, options, perturbation, t => t.relu_(),
            (_, inF, outF, _) => (new GcnConv(inF, outF), outF)) { }
}
