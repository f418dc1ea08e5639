using static TorchSharp.torch;
using Vigil.Nas.Cells;

namespace Vigil.Nas.Operations;

/// <summary>
/// GraTO's swapping DropAttribute variants: in training, exchange two uniformly drawn node rows
/// (<paramref name="dimension"/> 0, Drop_attr1) or feature columns (dimension 1, Drop_attr2); the two draws may
/// coincide, leaving the input unchanged, as in the reference. Identity in evaluation.
/// </summary>
public sealed class SwapSliceOperation : SearchOperation
{
    private readonly Generator? generator;

    public int Dimension { get; }

    public SwapSliceOperation(string name, int dimension, Generator? generator = null) : base(name)
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
        using var drawn = randint(size, [2], generator: generator);
        long i = drawn[0].item<long>(), j = drawn[1].item<long>();
        var order = new long[size];
        for (long k = 0; k < size; k++) order[k] = k;
        (order[i], order[j]) = (order[j], order[i]);
        // A gather rather than in-place writes, so the gradient flows back to the swapped slices.
        return input with { Features = x.index_select(Dimension, tensor(order, device: x.device)) };
    }
}
