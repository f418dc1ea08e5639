using Vigil.Graphs.Nn;
using Vigil.Graphs.Nn.Regularization;
using Vigil.Nas.Cells;
using static TorchSharp.torch;

namespace Vigil.Nas.Operations;

/// <summary>Element-wise DropAttribute (GraTO's Drop_attr5): dropout on every entry, rescaled; identity in evaluation.</summary>
public sealed class ElementDropoutOperation : SearchOperation
{
    private readonly DropAttribute drop;

    public ElementDropoutOperation(double rate, Generator? generator = null) : base("drop-element")
    {
        drop = new DropAttribute(rate, DropAttributeMode.Element, generator);
        RegisterComponents();
    }

    public override CellState forward(CellState input, Tensor initial)
    {
        if (!training) return input;
        // FeatureInput only wraps the tensor here; it is not disposed because the tensor is the caller's.
        var dropped = drop.forward(new FeatureInput(input.Features)).Dense!;
        return input with { Features = dropped };
    }
}
