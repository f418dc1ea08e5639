using TorchSharp;
using Vigil.Core.Dense;
using Vigil.Graphs.Nn.Linear;
using Vigil.Graphs.Nn.Regularization;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Models;

/// <summary>
/// The shape the relational bot detectors share (BotRGCN, RGT, Simple-HGN and HGT as the TwiBot-22 framework runs
/// them): Linear + LeakyReLU into the hidden width, a stack of relation-aware layers, then Linear + LeakyReLU and
/// a linear classifier. Dropout precedes every layer. Subclasses supply the layers.
/// </summary>
public abstract class RelationalStackModel : NodeModel
{
    private readonly FeatureLinear input, outputHidden, output;
    private readonly DropAttribute inputDropout;
    private readonly GraphPerturbation perturbation;
    private readonly string modelName;

    public int Hidden { get; }
    public double Dropout { get; }

    protected RelationalStackModel(string name, int inFeatures, int numClasses, int hidden, double dropout,
        GraphPerturbation perturbation) : base(name)
    {
        if (hidden < 1) throw new ArgumentException($"Model '{name}' needs a positive hidden width, got {hidden}.");
        if (dropout is < 0 or >= 1) throw new ArgumentException($"Model '{name}' dropout must be in [0, 1), got {dropout}.");
        modelName = name; Hidden = hidden; Dropout = dropout; this.perturbation = perturbation;
        inputDropout = new DropAttribute(dropout, DropAttributeMode.Element);
        input = new FeatureLinear(inFeatures, hidden);
        outputHidden = new FeatureLinear(hidden, hidden);
        output = new FeatureLinear(hidden, numClasses);
    }

    /// <summary>Layer <paramref name="layer"/> applied to (dropped-out) <paramref name="h"/> over its graph.</summary>
    protected abstract Tensor Layer(int layer, Tensor h, MessageGraph graph);

    /// <summary>Called once per forward pass before the first layer (for layers that carry state across the stack).</summary>
    protected virtual void BeginForward() { }

    public override Tensor forward(FeatureInput x, IReadOnlyList<MessageGraph> blocks)
    {
        var (features, graphs) = perturbation.forward(x, blocks);
        var perLayer = LayerGraphs.PerLayer(modelName, graphs, MessagePassingDepth);
        var h = nn.functional.leaky_relu(input.forward(inputDropout.forward(features)));
        BeginForward();
        for (int l = 0; l < MessagePassingDepth; l++)
        {
            Tensor next;
            using (var dropped = FastDropout.Apply(h, Dropout, training)) next = Layer(l, dropped, perLayer[l]);
            h.Dispose();
            h = next;
        }
        using var dropped2 = FastDropout.Apply(h, Dropout, training);
        using var hidden = nn.functional.leaky_relu(outputHidden.forward(dropped2));
        h.Dispose();
        return output.forward(hidden);
    }
}
