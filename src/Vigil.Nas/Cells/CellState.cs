using Vigil.Graphs.Nn;
using static TorchSharp.torch;

namespace Vigil.Nas.Cells;

/// <summary>
/// What flows along a cell's edges: node representations [N, hidden] and the graph later operations pass messages
/// over. The graph travels with the features because DropEdge thins it for every operation downstream of it in the
/// same forward, not just for itself.
/// </summary>
public readonly record struct CellState(Tensor Features, MessageGraph Graph);
