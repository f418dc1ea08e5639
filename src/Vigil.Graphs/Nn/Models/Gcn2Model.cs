using Vigil.Core.Dense;
using TorchSharp;
using TorchSharp.Modules;
using Vigil.Graphs.Nn.Conv;
using Vigil.Graphs.Nn.Linear;
using Vigil.Graphs.Nn.Regularization;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Models;

/// <summary>
/// GCNII (Chen et al. 2020): dropout → linear → ReLU gives x₀; then <c>layers</c> × (dropout → <see cref="Gcn2Conv"/>
/// → ReLU), each mixing back α·x₀; dropout → linear output. The paper decays the convolutions (0.01) and the two
/// linear layers (5e-4) differently, hence the two parameter groups.
/// </summary>
public sealed class Gcn2Model : NodeModel, IWeightDecayGroups
{
    private readonly FeatureLinear input;
    private readonly ModuleList<Gcn2Conv> convs;
    private readonly FeatureLinear output;
    private readonly DropAttribute inputDropout;
    private readonly GraphPerturbation perturbation;

    public double Dropout { get; }
    public override int MessagePassingDepth => convs.Count;

    public Gcn2Model(int inFeatures, int numClasses, int layers, int hidden, double alpha, double lambda, double dropout,
        GraphPerturbation perturbation) : base("gcnii")
    {
        if (layers < 1) throw new ArgumentException($"Model 'gcnii' needs at least one layer, got {layers}.");
        Dropout = dropout;
        this.perturbation = perturbation;
        inputDropout = new DropAttribute(dropout, DropAttributeMode.Element);
        input = new FeatureLinear(inFeatures, hidden);
        convs = new ModuleList<Gcn2Conv>();
        for (int l = 1; l <= layers; l++) convs.Add(new Gcn2Conv(hidden, alpha, lambda, l));
        output = new FeatureLinear(hidden, numClasses);
        RegisterComponents();
    }

    public override Tensor forward(FeatureInput x, IReadOnlyList<MessageGraph> blocks)
    {
        var (features, graphs) = perturbation.forward(x, blocks);
        var perLayer = LayerGraphs.PerLayer("gcnii", graphs, convs.Count);
        var x0 = nn.functional.relu(input.forward(inputDropout.forward(features)));
        var dropped = FastDropout.Apply(x0, Dropout, training);
        for (int l = 0; l < convs.Count; l++)
        {
            // ReLU and the next dropout run as one fused op; each layer's tensors are released once used (autograd
            // keeps what it saved).
            using var convolved = convs[l].forward(dropped, x0, perLayer[l]);
            dropped.Dispose();
            dropped = FastDropout.ApplyRelu(convolved, Dropout, training);
        }
        using (dropped) return output.forward(dropped);
    }

    public IEnumerable<Parameter> ConvolutionParameters() => convs.parameters();

    public IEnumerable<Parameter> DenseParameters() => input.parameters().Concat(output.parameters());
}
