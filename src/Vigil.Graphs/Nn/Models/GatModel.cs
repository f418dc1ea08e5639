using TorchSharp;
using Vigil.Graphs.Nn.Conv;

namespace Vigil.Graphs.Nn.Models;

/// <summary>
/// GAT (Veličković et al. 2018): hidden layers of <paramref name="heads"/> concatenated heads of
/// <c>Hidden</c> features with ELU, and an output layer of <paramref name="outputHeads"/> averaged heads.
/// </summary>
public sealed class GatModel : ConvStackModel
{
    public GatModel(int inFeatures, int numClasses, ConvStackOptions options, GraphPerturbation perturbation,
        int heads, int outputHeads, double attentionDropout)
        : base("gat", inFeatures, numClasses, options, perturbation, t => torch.nn.functional.elu(t, 1.0),
            (_, inF, outF, isOutput) =>
            {
                var conv = isOutput
                    ? new GatConv(inF, outF, outputHeads, concat: false, attentionDropout: attentionDropout)
                    : new GatConv(inF, outF, heads, concat: true, attentionDropout: attentionDropout);
                return (conv, conv.OutFeatures);
            }) { }
}
