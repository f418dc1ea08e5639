using TorchSharp;
using Vigil.Core.Dense;
using Vigil.Graphs.Nn.Linear;
using Vigil.Graphs.Nn.Regularization;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Models;

/// <summary>
/// The shape the relational bot detectors share (BotRGCN, RGT, Simple-HGN and HGT as the TwiBot-22 framework runs
/// them): Linear + LeakyReLU into the hidden width, a stack of relation-aware layers, then Linear + LeakyReLU and
/// a linear classifier. Dropout precedes every layer. With input branches (BotRGCN's numeric, categorical,
/// description and tweet blocks) the input stage is a <see cref="BranchedInput"/> instead. Subclasses supply the layers.
/// </summary>
public abstract class RelationalStackModel : NodeModel
{
    private readonly FeatureLinear? input;
    private readonly BranchedInput? branchedInput;
    private readonly FeatureLinear outputHidden, output;
    private readonly DropAttribute inputDropout;
    private readonly GraphPerturbation perturbation;
    private readonly string modelName;

    public int Hidden { get; }
    public double Dropout { get; }

    protected RelationalStackModel(string name, int inFeatures, int numClasses, int hidden, double dropout,
        GraphPerturbation perturbation, IReadOnlyList<int>? inputBranches = null) : base(name)
    {
        if (hidden < 1) throw new ArgumentException($"Model '{name}' needs a positive hidden width, got {hidden}.");
        if (dropout is < 0 or >= 1) throw new ArgumentException($"Model '{name}' dropout must be in [0, 1), got {dropout}.");
        modelName = name; Hidden = hidden; Dropout = dropout; this.perturbation = perturbation;
        inputDropout = new DropAttribute(dropout, DropAttributeMode.Element);
        if (inputBranches is { Count: > 0 })
        {
            if (inputBranches.Sum() != inFeatures)
                throw new ArgumentException($"Model '{name}': input branches [{string.Join(", ", inputBranches)}] add up to {inputBranches.Sum()} columns, the features have {inFeatures}.");
            branchedInput = new BranchedInput(inputBranches, hidden);
        }
        else input = new FeatureLinear(inFeatures, hidden);
        outputHidden = new FeatureLinear(hidden, hidden);
        output = new FeatureLinear(hidden, numClasses);
    }

    /// <summary>Layer <paramref name="layer"/> applied to (dropped-out) <paramref name="h"/> over its graph.</summary>
    protected abstract Tensor Layer(int layer, Tensor h, MessageGraph graph);

    /// <summary>Called once per forward pass before the first layer (for layers that carry state across the stack).</summary>
    protected virtual void BeginForward() { }

    private Tensor Embed(FeatureInput features)
    {
        if (input is not null) return nn.functional.leaky_relu(input.forward(features));
        if (features.Dense is null)
            throw new ArgumentException($"Model '{modelName}': branched input needs dense features.");
        return branchedInput!.forward(features.Dense);
    }

    public override Tensor forward(FeatureInput x, IReadOnlyList<MessageGraph> blocks)
    {
        var h = Represent(x, blocks);
        using var dropped2 = FastDropout.Apply(h, Dropout, training);
        using var hidden = nn.functional.leaky_relu(outputHidden.forward(dropped2));
        h.Dispose();
        return output.forward(hidden);
    }

    /// <summary>The users' final hidden representations (before the output MLP), e.g. to measure their smoothness.</summary>
    public Tensor Represent(FeatureInput x, IReadOnlyList<MessageGraph> blocks)
    {
        var (features, graphs) = perturbation.forward(x, blocks);
        var perLayer = LayerGraphs.PerLayer(modelName, graphs, MessagePassingDepth);
        var h = Embed(inputDropout.forward(features));
        BeginForward();
        for (int l = 0; l < MessagePassingDepth; l++)
        {
            Tensor next;
            using (var dropped = FastDropout.Apply(h, Dropout, training)) next = Layer(l, dropped, perLayer[l]);
            h.Dispose();
            h = next;
        }
        return h;
    }
}
