using TorchSharp;
using TorchSharp.Modules;
using Vigil.Graphs.Nn.Conv;
using Vigil.Graphs.Nn.Linear;
using Vigil.Graphs.Nn.Regularization;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Models;

/// <summary>
/// AGNN (Thekumparampil et al. 2018): dropout → linear → ReLU, then <c>layers</c> attention propagations (the
/// first with β fixed at 1, the rest learnable), then dropout → linear output.
/// </summary>
public sealed class AgnnModel : NodeModel, IWeightDecayGroups
{
    private readonly FeatureLinear input;
    private readonly ModuleList<AgnnConv> convs;
    private readonly FeatureLinear output;
    private readonly DropAttribute inputDropout;
    private readonly GraphPerturbation perturbation;

    public double Dropout { get; }
    public override int MessagePassingDepth => convs.Count;

    public AgnnModel(int inFeatures, int numClasses, int layers, int hidden, double dropout, GraphPerturbation perturbation) : base("agnn")
    {
        if (layers < 1) throw new ArgumentException($"Model 'agnn' needs at least one propagation layer, got {layers}.");
        Dropout = dropout;
        this.perturbation = perturbation;
        inputDropout = new DropAttribute(dropout, DropAttributeMode.Element);
        input = new FeatureLinear(inFeatures, hidden);
        convs = new ModuleList<AgnnConv>();
        for (int l = 0; l < layers; l++) convs.Add(new AgnnConv(learnableBeta: l > 0));
        output = new FeatureLinear(hidden, numClasses);
        RegisterComponents();
    }

    public override Tensor forward(FeatureInput x, IReadOnlyList<MessageGraph> blocks)
    {
        var (features, graphs) = perturbation.forward(x, blocks);
        var perLayer = LayerGraphs.PerLayer("agnn", graphs, convs.Count);
        var h = nn.functional.relu(input.forward(inputDropout.forward(features)));
        for (int l = 0; l < convs.Count; l++) h = convs[l].forward(h, perLayer[l]);
        return output.forward(nn.functional.dropout(h, Dropout, training));
    }

    /// <summary>The propagation temperatures β.</summary>
    public IEnumerable<Parameter> ConvolutionParameters() => convs.parameters();

    public IEnumerable<Parameter> DenseParameters() => input.parameters().Concat(output.parameters());
}
