using Vigil.Graphs.Nn.Regularization;
using Vigil.Nas.Cells;
using static TorchSharp.torch;

namespace Vigil.Nas.Operations;

/// <summary>
/// DropEdge as an operation: the features pass unchanged, the graph loses each edge with the given probability, and
/// every operation downstream in the same forward passes messages over the thinned graph. Identity in evaluation.
/// </summary>
public sealed class DropEdgeOperation : SearchOperation
{
    private readonly DropEdge drop;

    public DropEdgeOperation(double rate, Generator? generator = null) : base("drop-edge")
    {
        drop = new DropEdge(rate, generator);
        RegisterComponents();
    }

    public override CellState forward(CellState input, Tensor initial) => input with { Graph = drop.forward(input.Graph) };
}
