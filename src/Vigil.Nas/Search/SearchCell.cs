using TorchSharp;
using TorchSharp.Modules;
using Vigil.Graphs.Nn;
using Vigil.Nas.Cells;
using Vigil.Nas.Operations;
using static TorchSharp.torch;

namespace Vigil.Nas.Search;

/// <summary>
/// A searchable cell (see <see cref="CellTopology"/>): every intermediate node sums one <see cref="MixedOperation"/>
/// per earlier state and keeps only the edges all its inputs still have; the <see cref="CellOutput"/> combines the
/// intermediate nodes. The architecture weights come from the network, so all cells share one α (as DARTS's
/// normal cells and GraTO's blocks do) while each has its own operation weights.
/// </summary>
public sealed class SearchCell : nn.Module
{
    private readonly ModuleList<MixedOperation> edges;
    private readonly CellOutput output;

    public int Steps { get; }

    public SearchCell(SearchSpace space, int steps, CellCombine combine, OperationContext context) : base(nameof(SearchCell))
    {
        CellTopology.RequireSteps(steps);
        Steps = steps;
        edges = new ModuleList<MixedOperation>(Enumerable.Range(0, CellTopology.EdgeCount(steps))
            .Select(_ => new MixedOperation(space, context)).ToArray());
        output = new CellOutput(combine, steps, context.Hidden);
        RegisterComponents();
    }

    /// <param name="residual">State 0: the output of the block before the previous one.</param>
    /// <param name="previous">State 1: the previous block's output.</param>
    /// <param name="initial">The network's initial representation.</param>
    /// <param name="weights">softmax(α), [edges, candidates].</param>
    /// <param name="strongest">Per edge, the candidate whose graph the edge carries on.</param>
    public CellState Forward(CellState residual, CellState previous, Tensor initial, Tensor weights, int[] strongest)
    {
        if (weights.dim() != 2 || weights.shape[0] != edges.Count)
            throw new ArgumentException($"{nameof(SearchCell)} has {edges.Count} edges but got weights of shape [{string.Join(", ", weights.shape)}].");
        if (strongest.Length != edges.Count)
            throw new ArgumentException($"{nameof(SearchCell)} has {edges.Count} edges but got {strongest.Length} strongest-candidate indices.");
        var states = new List<CellState>(CellTopology.InputStates + Steps) { residual, previous };
        for (int node = 0; node < Steps; node++)
        {
            Tensor? sum = null;
            MessageGraph? graph = null;
            for (int j = 0; j < CellTopology.EdgesInto(node); j++)
            {
                int e = CellTopology.FirstEdge(node) + j;
                var s = edges[e].Forward(states[j], initial, weights[e], strongest[e]);
                sum = sum is null ? s.Features : sum + s.Features;
                graph = graph is null ? s.Graph : GraphIntersection.Of(graph, s.Graph);
            }
            states.Add(new CellState(sum!, graph!));
        }
        return output.Forward(states.GetRange(CellTopology.InputStates, Steps));
    }
}
