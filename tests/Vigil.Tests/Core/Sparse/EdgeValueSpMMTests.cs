using Vigil.Core.Sparse;
using static TorchSharp.torch;

namespace Vigil.Tests.Core.Sparse;

public class EdgeValueSpMMTests
{
    [Theory]
    [InlineData(30, 30, 140, 1, 16)]   // single head, values [Nnz]
    [InlineData(30, 30, 140, 1, 5)]
    [InlineData(25, 40, 160, 3, 5)]    // bipartite, multi-head, scalar tail per head
    [InlineData(40, 25, 160, 4, 8)]
    [InlineData(20, 20, 90, 2, 40)]    // all heads in one pass: 64 + 8 tiles
    [InlineData(30, 30, 140, 9, 8)]    // eight heads reduced together plus one more; 64 + 8 tiles
    [InlineData(25, 30, 120, 8, 16)]   // two 64-wide tiles, four heads each
    public void MatchesDenseReference(int rows, int cols, int edges, int heads, int headWidth)
    {
        var a = TestGraphs.Random(rows, cols, edges, seed: rows + 7 * heads, withValues: false);
        var values = heads == 1 && headWidth % 2 == 0
            ? TestGraphs.RandomTensor(21, a.Nnz)
            : TestGraphs.RandomTensor(21, a.Nnz, heads);
        var x = TestGraphs.RandomTensor(22, cols, heads * headWidth);
        GradientComparison.Check(
            t => SparseOps.SpMM(a, t[0], t[1]),
            t => DenseReference.SpMM(a, t[0], t[1]),
            [values, x], $"edge-value SpMM {a} heads {heads}×{headWidth}");
    }

    [Fact]
    public void OneDimensionalValuesGetOneDimensionalGradient()
    {
        var a = TestGraphs.Random(15, 15, 60, seed: 2, withValues: false);
        var values = TestGraphs.RandomTensor(3, a.Nnz).requires_grad_(true);
        var x = TestGraphs.RandomTensor(4, 15, 6);
        SparseOps.SpMM(a, values, x).sum().backward();
        Assert.Equal(new long[] { a.Nnz }, values.grad!.shape);
    }

    [Fact]
    public void LargeGraphTakesTheParallelPathAndMatches()
    {
        var a = TestGraphs.Random(1000, 1000, 16000, seed: 13, withValues: false);
        var values = TestGraphs.RandomTensor(31, a.Nnz, 2);
        var x = TestGraphs.RandomTensor(32, 1000, 24);
        GradientComparison.Check(
            t => SparseOps.SpMM(a, t[0], t[1]),
            t => DenseReference.SpMM(a, t[0], t[1]),
            [values, x], "parallel edge-value SpMM");
    }

    [Fact]
    public void ValuesOnlyGradientLeavesFeaturesAlone()
    {
        var a = TestGraphs.Random(15, 15, 60, seed: 4, withValues: false);
        var values = TestGraphs.RandomTensor(5, a.Nnz, 2).requires_grad_(true);
        var x = TestGraphs.RandomTensor(6, 15, 6);
        SparseOps.SpMM(a, values, x).sum().backward();
        Assert.NotNull(values.grad);
        Assert.Null(x.grad);
    }
}
