using TorchSharp;
using TorchSharp.Modules;
using Vigil.Graphs.Nn;
using Vigil.Graphs.Nn.Linear;
using Vigil.Graphs.Nn.Models;
using Vigil.Graphs.Nn.Regularization;
using Vigil.Nas.Cells;
using Vigil.Nas.Genotypes;
using Vigil.Nas.Operations;
using static TorchSharp.torch;

namespace Vigil.Nas.Search;

/// <summary>
/// GraTO's search network: Linear(in → hidden) + ReLU, then <see cref="SuperNetOptions.Blocks"/> searchable cells
/// (each followed by ReLU, each taking the previous two blocks' outputs), then Linear(hidden → classes). The
/// architecture weights α [edges, candidates] are one parameter shared by all cells and kept apart from the
/// operation weights: <see cref="ArchitectureParameters"/> versus <see cref="WeightParameters"/>. Full batch only.
/// </summary>
public sealed class SuperNet : NodeModel
{
    private readonly FeatureLinear stem;
    private readonly ModuleList<SearchCell> cells;
    private readonly FeatureLinear classifier;
    private readonly Parameter alpha;
    private readonly DropAttribute inputDropout;

    public SearchSpace Space { get; }
    /// <summary>The generator the initial weights, α and every random operation draw from (null: torch's global one).</summary>
    public Generator? Generator { get; }
    public SuperNetOptions Options { get; }
    public int EdgeCount => CellTopology.EdgeCount(Options.Steps);
    public override int MessagePassingDepth => Options.Blocks;

    /// <param name="generator">
    /// Source of the initial weights, α and all operation noise, for a reproducible search; null draws everything from
    /// torch's global generator (seed it first).
    /// </param>
    public SuperNet(int inFeatures, int numClasses, SearchSpace space, SuperNetOptions? options = null, Generator? generator = null) : base("nas-supernet")
    {
        Options = options ?? new SuperNetOptions();
        Options.Validate();
        if (inFeatures < 1) throw new ArgumentException($"The search network needs at least one input feature, got {inFeatures}.");
        if (numClasses < 1) throw new ArgumentException($"The search network needs at least one class, got {numClasses}.");
        Space = space;
        Generator = generator;
        inputDropout = new DropAttribute(Options.InputDropout, DropAttributeMode.Element, generator);
        stem = new FeatureLinear(inFeatures, Options.Hidden);
        cells = new ModuleList<SearchCell>(Enumerable.Range(0, Options.Blocks)
            .Select(b => new SearchCell(space, Options.Steps, Options.Combine, new OperationContext(Options.Hidden, b, space.Options, generator)))
            .ToArray());
        classifier = new FeatureLinear(Options.Hidden, numClasses);
        // DARTS's initialisation: small noise around uniform weights.
        alpha = new Parameter(randn(EdgeCount, space.Operations.Count, generator: generator) * 1e-3);
        RegisterComponents();
        if (generator is not null) SeededInitialization.Apply(WeightParameters(), generator);
    }

    /// <summary>The architecture weights α [edges, candidates] (one tensor).</summary>
    public Parameter Alpha => alpha;

    public IEnumerable<Parameter> ArchitectureParameters() => [alpha];

    /// <summary>Every trainable parameter except α.</summary>
    public IEnumerable<Parameter> WeightParameters() =>
        parameters().Where(p => !ReferenceEquals(p, alpha) && p.requires_grad);

    /// <summary>softmax(α) per edge, [edges, candidates].</summary>
    public Tensor OperationWeights() => nn.functional.softmax(alpha, -1);

    public override Tensor forward(FeatureInput x, IReadOnlyList<MessageGraph> blocks) => Run(x, Graph(blocks)).Logits;

    /// <summary>Logits [N, classes] and the last block's output [N, hidden], the representation whose smoothness GraTO scores.</summary>
    public (Tensor Logits, Tensor Representation) Run(FeatureInput x, MessageGraph graph)
    {
        if (!graph.IsSquare) throw new ArgumentException($"The search network trains full batch only: pass one square graph, got a {graph.NumTargets}×{graph.NumSources} block.");
        if (x.Rows != graph.NumTargets) throw new ArgumentException($"Features have {x.Rows} rows for a graph of {graph.NumTargets} nodes.");
        if (graph.Relations is not null)
            throw new ArgumentException("The search network takes one relation: flatten a heterogeneous graph first (HeteroGraph.ToGraph with the relations to keep).");
        var initial = nn.functional.relu(stem.forward(inputDropout.forward(x)));
        var weights = OperationWeights();
        var strongest = StrongestCandidates();
        CellState residual = new(initial, graph), previous = residual;
        foreach (var cell in cells)
        {
            var output = cell.Forward(residual, previous, initial, weights, strongest);
            (residual, previous) = (previous, output with { Features = nn.functional.relu(output.Features) });
        }
        var h = NoiseDropout.Apply(previous.Features, Options.InputDropout, training, Generator);
        return (classifier.forward(h), previous.Features);
    }

    /// <summary>The current genotype: per node, the two strongest incoming edges with their strongest operation other than "none".</summary>
    public Genotype DeriveGenotype() => Genotype.Derive(OperationWeightArray(), Space.Operations, Options.Steps, Options.Combine);

    /// <summary>softmax(α) as a row-major [edges, candidates] array.</summary>
    public float[] OperationWeightArray()
    {
        using var _ = no_grad();
        using var w = OperationWeights();
        return w.contiguous().data<float>().ToArray();
    }

    private int[] StrongestCandidates()
    {
        var w = OperationWeightArray();
        int k = Space.Operations.Count;
        var strongest = new int[EdgeCount];
        for (int e = 0; e < strongest.Length; e++) strongest[e] = Genotype.StrongestOperation(w.AsSpan(e * k, k), Space.Operations);
        return strongest;
    }

    private static MessageGraph Graph(IReadOnlyList<MessageGraph> blocks) =>
        LayerGraphs.FullBatch("nas-supernet", blocks, "its cells reuse one graph and take residual inputs from earlier blocks");
}
