using Vigil.Core.Dense;
using TorchSharp;
using TorchSharp.Modules;
using Vigil.Graphs.Nn.Connections;
using Vigil.Graphs.Nn.Linear;
using Vigil.Graphs.Nn.Norm;
using Vigil.Graphs.Nn.Regularization;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Models;

/// <summary>
/// A stack of message-passing layers: dropout → conv → [norm] → activation → [residual], repeated, with the last
/// conv producing the logits, or with jumping knowledge over all layers followed by a linear output layer.
/// The first conv takes the raw (possibly sparse) features. Layer l uses the l-th graph (see
/// <see cref="LayerGraphs"/>), so each layer's output has that block's target rows.
/// </summary>
public abstract class ConvStackModel : NodeModel, IWeightDecayGroups
{
    /// <summary>Builds layer <paramref name="layer"/> reading <paramref name="inFeatures"/> and writing
    /// <paramref name="outFeatures"/> (for the output layer: the class count); returns it and its actual width.</summary>
    protected delegate (nn.Module<Tensor, MessageGraph, Tensor> Conv, int Width) ConvBuilder(int layer, int inFeatures, int outFeatures, bool isOutput);

    private readonly ModuleList<nn.Module<Tensor, MessageGraph, Tensor>> convs;
    private readonly ModuleList<nn.Module<Tensor, Tensor>> norms;
    private readonly ResidualConnection? residual;
    private readonly InitialResidualConnection? initialResidual;
    private readonly JumpingKnowledge? jumpingKnowledge;
    private readonly FeatureLinear? output;
    private readonly DropAttribute inputDropout;
    private readonly GraphPerturbation perturbation;
    private readonly Func<Tensor, Tensor> activation;
    private readonly string modelName;

    public ConvStackOptions Options { get; }
    public override int MessagePassingDepth => convs.Count;

    protected ConvStackModel(string name, int inFeatures, int numClasses, ConvStackOptions options,
        GraphPerturbation perturbation, Func<Tensor, Tensor> activation, ConvBuilder build) : base(name)
    {
        if (options.Layers < 1) throw new ArgumentException($"Model '{name}' needs at least one layer, got {options.Layers}.");
        if (options.Hidden < 1) throw new ArgumentException($"Model '{name}' needs a positive hidden width, got {options.Hidden}.");
        if (options.Dropout is < 0 or >= 1) throw new ArgumentException($"Model '{name}' dropout must be in [0, 1), got {options.Dropout}.");
        if (options.BatchNorm && options.PairNorm is not null)
            throw new ArgumentException($"Model '{name}': choose batch norm or PairNorm, not both.");
        modelName = name; Options = options; this.activation = activation; this.perturbation = perturbation;
        inputDropout = new DropAttribute(options.Dropout, DropAttributeMode.Element);

        bool jk = options.JumpingKnowledge is not null;
        convs = new ModuleList<nn.Module<Tensor, MessageGraph, Tensor>>();
        norms = new ModuleList<nn.Module<Tensor, Tensor>>();
        var widths = new List<int>();
        int width = inFeatures;
        for (int l = 0; l < options.Layers; l++)
        {
            bool isOutput = !jk && l == options.Layers - 1;
            var (conv, outWidth) = build(l, width, isOutput ? numClasses : options.Hidden, isOutput);
            if (l == 0 && conv is not IFeatureInputLayer)
                throw new ArgumentException($"Model '{name}': the first layer ({conv.GetName()}) cannot read raw features.");
            convs.Add(conv);
            if (!isOutput)
            {
                if (options.BatchNorm) norms.Add(nn.BatchNorm1d(outWidth));
                else if (options.PairNorm is { } mode) norms.Add(new PairNorm(mode, options.PairNormScale));
                widths.Add(outWidth);
            }
            width = outWidth;
        }
        if (options.Residual == ResidualMode.Residual) residual = new ResidualConnection();
        if (options.Residual == ResidualMode.Initial) initialResidual = new InitialResidualConnection(options.ResidualAlpha);
        if (options.JumpingKnowledge is { } mode2)
        {
            if (mode2 == JumpingKnowledgeMode.Max && widths.Distinct().Count() > 1)
                throw new ArgumentException($"Model '{name}': max jumping knowledge needs equal layer widths, got {string.Join(", ", widths)}.");
            jumpingKnowledge = new JumpingKnowledge(mode2);
            output = new FeatureLinear(mode2 == JumpingKnowledgeMode.Cat ? widths.Sum() : widths[0], numClasses);
        }
        RegisterComponents();
    }

    public override Tensor forward(FeatureInput x, IReadOnlyList<MessageGraph> blocks)
    {
        var (features, graphs) = perturbation.forward(x, blocks);
        var perLayer = LayerGraphs.PerLayer(modelName, graphs, convs.Count);
        var input = inputDropout.forward(features);

        var hidden = new List<Tensor>(convs.Count);
        Tensor? first = null, previous = null, h = null;
        int normIndex = 0;
        bool keepLayers = jumpingKnowledge is not null;
        for (int l = 0; l < convs.Count; l++)
        {
            Tensor z;
            if (l == 0) z = ((IFeatureInputLayer)convs[0]).forward(input, perLayer[0]);
            else
            {
                using var dropped = FastDropout.Apply(h!, Options.Dropout, training);
                z = convs[l].forward(dropped, perLayer[l]);
            }
            bool isOutput = jumpingKnowledge is null && l == convs.Count - 1;
            if (isOutput) { Release(h, first, keepLayers); return z; }
            // Every superseded intermediate is released at once: autograd keeps what it saved, and on large graphs
            // a handle per intermediate held to the end of the step is hundreds of megabytes.
            if (norms.Count > 0) z = Replace(z, norms[normIndex++].forward(z));
            z = Replace(z, activation(z));
            // Skips need equal widths, so the first layer (raw features in) never has one.
            if (l > 0 && residual is not null && previous!.shape[1] == z.shape[1]) z = Replace(z, residual.forward(z, previous));
            if (l > 0 && initialResidual is not null && first!.shape[1] == z.shape[1]) z = Replace(z, initialResidual.forward(z, first));
            first ??= z;
            Release(previous, first, keepLayers);
            previous = z;
            hidden.Add(z);
            h = z;
        }
        return output!.forward(jumpingKnowledge!.forward(hidden));
    }

    private static Tensor Replace(Tensor old, Tensor next)
    {
        if (!ReferenceEquals(old, next)) old.Dispose();
        return next;
    }

    /// <summary>Disposes a finished layer output unless it is still needed (as x₀ of an initial residual, or for jumping knowledge).</summary>
    private void Release(Tensor? layerOutput, Tensor? first, bool keepLayers)
    {
        bool neededAsFirst = initialResidual is not null && ReferenceEquals(layerOutput, first);
        if (layerOutput is null || keepLayers || neededAsFirst) return;
        layerOutput.Dispose();
    }

    /// <summary>The convolutions' parameters.</summary>
    public IEnumerable<Parameter> ConvolutionParameters() => convs.parameters();

    /// <summary>Everything else: norms and the jumping-knowledge output layer.</summary>
    public IEnumerable<Parameter> DenseParameters() => WeightDecayGroups.Rest(this, convs.parameters());
}
