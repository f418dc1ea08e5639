using Vigil.Core.Sparse;
using static TorchSharp.torch;

namespace Vigil.Tests.Core.Sparse;

public class SegmentReduceTests
{
    [Theory]
    [InlineData(30, 30, 150, 1)]
    [InlineData(25, 40, 170, 13)]
    [InlineData(40, 25, 170, 64)]
    [InlineData(20, 20, 90, 45)]
    public void SumIgnoresValuesAndMatchesDense(int rows, int cols, int edges, int width)
    {
        var a = TestGraphs.Random(rows, cols, edges, seed: rows * width, withValues: true);
        var x = TestGraphs.RandomTensor(51, cols, width);
        GradientComparison.Check(
            t => SparseOps.SegmentSum(a, t[0]),
            t => DenseReference.SegmentSum(a, t[0]),
            [x], $"segment sum {a} width {width}");
    }

    [Theory]
    [InlineData(30, 30, 150, 1)]
    [InlineData(25, 40, 170, 13)]
    [InlineData(40, 25, 170, 64)]
    public void MeanMatchesDenseAndIsZeroOnEmptyRows(int rows, int cols, int edges, int width)
    {
        var a = TestGraphs.Random(rows, cols, edges, seed: rows + width, withValues: true);
        var x = TestGraphs.RandomTensor(52, cols, width);
        GradientComparison.Check(
            t => SparseOps.SegmentMean(a, t[0]),
            t => DenseReference.SegmentMean(a, t[0]),
            [x], $"segment mean {a} width {width}");
    }

    [Theory]
    [InlineData(30, 30, 150, 1)]
    [InlineData(25, 40, 170, 13)]
    [InlineData(40, 25, 170, 64)]
    [InlineData(20, 20, 90, 45)]
    public void MaxMatchesPerRowMaxAndRoutesGradientToWinners(int rows, int cols, int edges, int width)
    {
        var a = TestGraphs.Random(rows, cols, edges, seed: rows - width, withValues: false);
        var x = TestGraphs.RandomTensor(53, cols, width);
        GradientComparison.Check(
            t => SparseOps.SegmentMax(a, t[0]),
            t => DenseReference.SegmentMax(a, t[0]),
            [x], $"segment max {a} width {width}");
    }

    [Fact]
    public void MaxOnLargeGraphTakesTheParallelPathAndMatches()
    {
        var a = TestGraphs.Random(1200, 1000, 20000, seed: 19, withValues: false);
        var x = TestGraphs.RandomTensor(54, 1000, 20);
        GradientComparison.Check(
            t => SparseOps.SegmentMax(a, t[0]),
            t => DenseReference.SegmentMax(a, t[0]),
            [x], "parallel segment max");
    }

    [Fact]
    public void MaxOfEmptyRowIsZeroAndPassesNoGradient()
    {
        // Row 1 is empty, and source 2 (the largest values) feeds no row at all.
        var a = CsrMatrix.FromCoo(3, 3, [0, 0, 2], [0, 1, 1]);
        var x = tensor(new float[] { -5, 1, -2, 3, 7, 7 }, new long[] { 3, 2 }).requires_grad_(true);
        var y = SparseOps.SegmentMax(a, x);
        Assert.Equal(new float[] { -2, 3, 0, 0, -2, 3 }, y.data<float>().ToArray());
        y.sum().backward();
        Assert.Equal(new float[] { 0, 0, 2, 2, 0, 0 }, x.grad!.data<float>().ToArray());
    }
}
