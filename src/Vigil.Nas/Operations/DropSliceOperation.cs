using static TorchSharp.torch;
using Vigil.Nas.Cells;

namespace Vigil.Nas.Operations;

/// <summary>
/// GraTO's structured DropAttribute: in training, zero one uniformly drawn feature column for every node
/// (<paramref name="dimension"/> 1, Drop_attr3) or one node's whole row (dimension 0, Drop_attr4), without
/// rescaling. Identity in evaluation.
/// </summary>
public sealed class DropSliceOperation : SearchOperation
{
    private readonly Generator? generator;

    public int Dimension { get; }

    public DropSliceOperation(string name, int dimension, Generator? generator = null) : base(name)
    {
        if (dimension is not (0 or 1)) throw new ArgumentException($"{name}: the dimension must be 0 (rows) or 1 (columns), got {dimension}.");
        Dimension = dimension;
        this.generator = generator;
    }

    public override CellState forward(CellState input, Tensor initial)
    {
        if (!training) return input;
        var x = input.Features;
        long size = x.shape[Dimension];
        using var drawn = randint(size, [1], generator: generator);
        long index = drawn.item<long>();
        var keep = ones(size, dtype: x.dtype, device: x.device);
        keep[index] = tensor(0f, dtype: x.dtype, device: x.device);
        return input with { Features = x * (Dimension == 0 ? keep.unsqueeze(1) : keep.unsqueeze(0)) };
    }
}
