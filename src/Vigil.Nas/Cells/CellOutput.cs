using TorchSharp;
using Vigil.Graphs.Nn;
using Vigil.Graphs.Nn.Linear;
using static TorchSharp.torch;

namespace Vigil.Nas.Cells;

/// <summary>
/// Combines a cell's intermediate nodes into its output state (<see cref="CellCombine"/>). The output graph keeps
/// only the edges every intermediate node still has, so a DropEdge inside the cell reaches the next cell too.
/// </summary>
public sealed class CellOutput : nn.Module
{
    private readonly FeatureLinear? projection;

    public CellCombine Combine { get; }
    public int Steps { get; }

    public CellOutput(CellCombine combine, int steps, int hidden) : base(nameof(CellOutput))
    {
        CellTopology.RequireSteps(steps);
        Combine = combine; Steps = steps;
        if (combine == CellCombine.ConcatLinear) projection = new FeatureLinear(steps * hidden, hidden);
        RegisterComponents();
    }

    public CellState Forward(IReadOnlyList<CellState> nodes)
    {
        if (nodes.Count != Steps) throw new ArgumentException($"{nameof(CellOutput)} combines {Steps} intermediate nodes, got {nodes.Count}.");
        var graph = nodes[0].Graph;
        for (int i = 1; i < nodes.Count; i++) graph = GraphIntersection.Of(graph, nodes[i].Graph);
        var features = nodes.Select(n => n.Features).ToArray();
        var h = Combine == CellCombine.Mean
            ? (features.Length == 1 ? features[0] : stack(features).mean([0]))
            : projection!.forward(cat(features, 1));
        return new CellState(h, graph);
    }
}
