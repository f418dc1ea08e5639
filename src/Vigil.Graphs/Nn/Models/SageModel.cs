using TorchSharp;
using Vigil.Graphs.Nn.Conv;

namespace Vigil.Graphs.Nn.Models;

/// <summary>GraphSAGE (Hamilton et al. 2017): stacked <see cref="SageConv"/> (mean or pooling-max) with ReLU.</summary>
public sealed class SageModel : ConvStackModel
{
    public SageModel(int inFeatures, int numClasses, ConvStackOptions options, GraphPerturbation perturbation, SageAggregator aggregator)
        : base(aggregator == SageAggregator.Mean ? "sage" : "sage-max", inFeatures, numClasses, options, perturbation,
            t => t.relu_(),
            (_, inF, outF, _) => (new SageConv(inF, outF, aggregator), outF)) { }
}
