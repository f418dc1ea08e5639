using TorchSharp;
using TorchSharp.Modules;
using Vigil.Graphs.Nn;
using Vigil.Graphs.Nn.Linear;
using Vigil.Graphs.Nn.Models;
using Vigil.Graphs.Nn.Regularization;
using Vigil.Nas.Cells;
using Vigil.Nas.Operations;
using Vigil.Nas.Search;
using static TorchSharp.torch;

namespace Vigil.Nas.Genotypes;

/// <summary>
/// The network a genotype describes, for retraining: Linear(in → hidden) + ReLU, <see cref="GenotypeNetworkOptions.Blocks"/>
/// copies of the genotype's cell (each with its own weights, each followed by ReLU, each taking the previous two
/// blocks' outputs), then Linear(hidden → classes). A <see cref="NodeModel"/>, so the ordinary trainers train it;
/// full batch only. Its cells' parameters and the stem's and classifier's take separate weight decays when asked
/// (<see cref="IWeightDecayGroups"/>), as GCNII's training splits them.
/// </summary>
public sealed class GenotypeNetwork : NodeModel, IWeightDecayGroups
{
    private readonly FeatureLinear stem;
    private readonly ModuleList<GenotypeCell> cells;
    private readonly FeatureLinear classifier;
    private readonly DropAttribute inputDropout;

    public Genotype Genotype { get; }
    public GenotypeNetworkOptions Options { get; }
    /// <summary>The generator the initial weights and every random operation draw from (null: torch's global one).</summary>
    public Generator? Generator { get; }
    public override int MessagePassingDepth => Options.Blocks;

    /// <param name="generator">Source of the initial weights and all operation noise; null: torch's global generator.</param>
    public GenotypeNetwork(Genotype genotype, int inFeatures, int numClasses, GenotypeNetworkOptions? options = null,
        Generator? generator = null) : base("nas-genotype")
    {
        Options = options ?? new GenotypeNetworkOptions();
        if (Options.Blocks < 1) throw new ArgumentException($"A genotype network needs at least one block, got {Options.Blocks}.");
        if (Options.Hidden < 1) throw new ArgumentException($"The hidden width must be positive, got {Options.Hidden}.");
        if (inFeatures < 1) throw new ArgumentException($"A genotype network needs at least one input feature, got {inFeatures}.");
        if (numClasses < 1) throw new ArgumentException($"A genotype network needs at least one class, got {numClasses}.");
        if (Options.InputDropout is < 0 or >= 1 || Options.OutputDropout is < 0 or >= 1)
            throw new ArgumentException($"Dropout rates must be in [0, 1), got input {Options.InputDropout} and output {Options.OutputDropout}.");
        Genotype = genotype;
        Generator = generator;
        inputDropout = new DropAttribute(Options.InputDropout, DropAttributeMode.Element, generator);
        stem = new FeatureLinear(inFeatures, Options.Hidden);
        cells = new ModuleList<GenotypeCell>(Enumerable.Range(0, Options.Blocks)
            .Select(b => new GenotypeCell(genotype, new OperationContext(Options.Hidden, b, Options.Operations, generator), Options.NodeReduction)).ToArray());
        classifier = new FeatureLinear(Options.Hidden, numClasses);
        RegisterComponents();
        if (generator is not null) SeededInitialization.Apply(parameters(), generator);
    }

    /// <summary>The searched cells' parameters (every block's operations and cell outputs).</summary>
    public IEnumerable<Parameter> ConvolutionParameters() => cells.parameters();

    /// <summary>The stem's and the classifier's parameters.</summary>
    public IEnumerable<Parameter> DenseParameters() => stem.parameters().Concat(classifier.parameters());

    public override Tensor forward(FeatureInput x, IReadOnlyList<MessageGraph> blocks) =>
        Run(x, LayerGraphs.FullBatch("nas-genotype", blocks, "its cells reuse one graph and take residual inputs from earlier blocks")).Logits;

    /// <summary>Logits [N, classes] and the last block's output [N, hidden].</summary>
    public (Tensor Logits, Tensor Representation) Run(FeatureInput x, MessageGraph graph)
    {
        if (!graph.IsSquare) throw new ArgumentException($"A genotype network trains full batch only: pass one square graph, got a {graph.NumTargets}×{graph.NumSources} block.");
        if (x.Rows != graph.NumTargets) throw new ArgumentException($"Features have {x.Rows} rows for a graph of {graph.NumTargets} nodes.");
        if (graph.Relations is not null)
            throw new ArgumentException("The genotype network takes one relation: flatten a heterogeneous graph first (HeteroGraph.ToGraph with the relations to keep).");
        // The dropped copy's tensors belong to the caller's dispose scope, as every other intermediate does.
        var initial = nn.functional.relu(stem.forward(inputDropout.forward(x)));
        CellState residual = new(initial, graph), previous = residual;
        foreach (var cell in cells)
        {
            var output = cell.Forward(residual, previous, initial);
            (residual, previous) = (previous, output with { Features = nn.functional.relu(output.Features) });
        }
        var h = NoiseDropout.Apply(previous.Features, Options.OutputDropout, training, Generator);
        return (classifier.forward(h), previous.Features);
    }
}
