using TorchSharp;
using Vigil.Nas.Cells;
using static TorchSharp.torch;

namespace Vigil.Nas.Operations;

/// <summary>
/// One candidate operation on a cell edge: a state in, a state out, at the hidden width. The second input is the
/// network's initial representation (the stem's output), which initial-residual operations mix back in; others
/// ignore it. Only DropEdge changes the graph.
/// </summary>
public abstract class SearchOperation : nn.Module<CellState, Tensor, CellState>
{
    protected SearchOperation(string name) : base(name) { }
}
