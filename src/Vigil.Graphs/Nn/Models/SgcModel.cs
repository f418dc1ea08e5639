using TorchSharp;
using Vigil.Graphs.Nn.Conv;
using Vigil.Graphs.Nn.Regularization;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Models;

/// <summary>SGC (Wu et al. 2019): logits = Â^K·X·W + b, one <see cref="SgcConv"/>. Full batch only.</summary>
public sealed class SgcModel : NodeModel
{
    private readonly SgcConv conv;
    private readonly DropAttribute inputDropout;
    private readonly GraphPerturbation perturbation;

    public override int MessagePassingDepth => conv.K;

    public SgcModel(int inFeatures, int numClasses, int k, double dropout, GraphPerturbation perturbation) : base("sgc")
    {
        conv = new SgcConv(inFeatures, numClasses, k);
        inputDropout = new DropAttribute(dropout, DropAttributeMode.Element);
        this.perturbation = perturbation;
        RegisterComponents();
    }

    public override Tensor forward(FeatureInput x, IReadOnlyList<MessageGraph> blocks)
    {
        var g = LayerGraphs.FullBatch("sgc", blocks, $"it propagates K = {conv.K} steps over one graph");
        var (features, graphs) = perturbation.forward(x, [g]);
        return conv.forward(inputDropout.forward(features), graphs[0]);
    }
}
