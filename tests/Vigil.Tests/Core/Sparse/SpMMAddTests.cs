using Vigil.Core.Sparse;
using static TorchSharp.torch;

namespace Vigil.Tests.Core.Sparse;

public class SpMMAddTests
{
    // Widths cover every register tile and the scalar tail; graphs include empty rows, self-loops and duplicates.
    [Theory]
    [InlineData(30, 30, 120, 7, false, 0.9, 0.1)]
    [InlineData(25, 40, 150, 64, true, 0.5, -2.0)]
    [InlineData(40, 25, 150, 100, true, 1.0, 1.0)]
    [InlineData(20, 20, 0, 16, false, 0.3, 0.7)]
    public void MatchesScaledProductPlusScaledAddend(int rows, int cols, int edges, int width, bool withValues, double scale, double addendScale)
    {
        var a = TestGraphs.Random(rows, cols, edges, seed: rows * 17 + width, withValues);
        var x = TestGraphs.RandomTensor(width, cols, width);
        var y = TestGraphs.RandomTensor(width + 1, rows, width);
        GradientComparison.Check(
            t => SparseOps.SpMMAdd(a, t[0], scale, t[1], addendScale),
            t => DenseReference.Dense(a).mm(t[0]) * scale + t[1] * addendScale,
            [x, y], $"SpMMAdd {a} width {width}");
    }

    [Fact]
    public void LargeGraphTakesTheParallelPathAndMatches()
    {
        var a = TestGraphs.Random(1500, 1200, 24000, seed: 3, withValues: true);
        var x = TestGraphs.RandomTensor(5, 1200, 64);
        var y = TestGraphs.RandomTensor(6, 1500, 64);
        GradientComparison.Check(
            t => SparseOps.SpMMAdd(a, t[0], 0.9, t[1], 0.1),
            t => DenseReference.Dense(a).mm(t[0]) * 0.9 + t[1] * 0.1,
            [x, y], "parallel SpMMAdd");
    }

    [Fact]
    public void GradientReachesOnlyTheInputsThatAskForIt()
    {
        var a = TestGraphs.Random(12, 12, 40, seed: 1, withValues: false);
        using var x = TestGraphs.RandomTensor(1, 12, 8).requires_grad_(true);
        using var y = TestGraphs.RandomTensor(2, 12, 8);
        using var output = SparseOps.SpMMAdd(a, x, 0.5, y, 2.0);
        output.sum().backward();
        Assert.NotNull(x.grad);
        Assert.Null(y.grad);
        using var expected = DenseReference.Dense(a).t().mm(ones(12, 8)) * 0.5;
        TensorAssert.Close(expected, x.grad!, 1e-5, "x gradient");
    }

    [Fact]
    public void AddendOfTheWrongShapeIsRejectedWithTheShapes()
    {
        var a = TestGraphs.Random(10, 12, 30, seed: 2, withValues: false);
        using var x = TestGraphs.RandomTensor(1, 12, 8);
        using var y = TestGraphs.RandomTensor(2, 12, 8);
        var e = Assert.Throws<ArgumentException>(() => SparseOps.SpMMAdd(a, x, 1, y, 1));
        Assert.Contains("[10, 8]", e.Message);
        Assert.Contains("[12, 8]", e.Message);
    }
}
