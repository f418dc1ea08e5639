using static TorchSharp.torch;
using Vigil.Nas.Cells;

namespace Vigil.Nas.Operations;

/// <summary>
/// DARTS's "none": outputs zeros, so a mixed operation can learn that an edge should not exist. Genotype derivation
/// never keeps it.
/// </summary>
public sealed class ZeroOperation : SearchOperation
{
    public ZeroOperation() : base("none") { }

    public override CellState forward(CellState input, Tensor initial) => input with { Features = zeros_like(input.Features) };
}
