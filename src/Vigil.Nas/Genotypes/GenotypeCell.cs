using TorchSharp;
using TorchSharp.Modules;
using Vigil.Graphs.Nn;
using Vigil.Nas.Cells;
using Vigil.Nas.Operations;
using Vigil.Nas.Search;
using static TorchSharp.torch;

namespace Vigil.Nas.Genotypes;

/// <summary>
/// A fixed cell built from a genotype: every intermediate node sums (or averages, <see cref="NodeReduction"/>) its
/// kept edges' operations and keeps only the edges all its inputs still have; <see cref="CellOutput"/> combines the
/// intermediate nodes.
/// </summary>
public sealed class GenotypeCell : nn.Module
{
    private readonly ModuleList<SearchOperation> operations;
    private readonly CellOutput output;
    private readonly Genotype genotype;
    private readonly NodeReduction reduction;

    public GenotypeCell(Genotype genotype, OperationContext context, NodeReduction reduction = NodeReduction.Sum) : base(nameof(GenotypeCell))
    {
        this.genotype = genotype;
        this.reduction = reduction;
        var ops = new List<SearchOperation>();
        for (int i = 0; i < genotype.Nodes.Count; i++)
            foreach (var edge in genotype.Nodes[i])
            {
                SearchSpace.RequireKnown(edge.Operation, $"genotype node {i}");
                ops.Add(SearchSpace.Create(edge.Operation, context));
            }
        operations = new ModuleList<SearchOperation>(ops.ToArray());
        output = new CellOutput(genotype.Combine, genotype.Steps, context.Hidden);
        RegisterComponents();
    }

    public CellState Forward(CellState residual, CellState previous, Tensor initial)
    {
        var states = new List<CellState>(CellTopology.InputStates + genotype.Steps) { residual, previous };
        int op = 0;
        foreach (var node in genotype.Nodes)
        {
            Tensor? sum = null;
            MessageGraph? graph = null;
            foreach (var edge in node)
            {
                var s = operations[op++].forward(states[edge.Input], initial);
                sum = sum is null ? s.Features : sum + s.Features;
                graph = graph is null ? s.Graph : GraphIntersection.Of(graph, s.Graph);
            }
            if (reduction == NodeReduction.Mean && node.Count > 1) sum = sum! / node.Count;
            states.Add(new CellState(sum!, graph!));
        }
        return output.Forward(states.GetRange(CellTopology.InputStates, genotype.Steps));
    }
}
