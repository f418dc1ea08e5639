using static TorchSharp.torch;
using Vigil.Nas.Cells;

namespace Vigil.Nas.Operations;

/// <summary>The skip connection: the state passes unchanged.</summary>
public sealed class IdentityOperation : SearchOperation
{
    public IdentityOperation() : base("identity") { }

    public override CellState forward(CellState input, Tensor initial) => input;
}
