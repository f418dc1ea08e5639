using Vigil.Core.Sparse;
using static TorchSharp.torch;

namespace Vigil.Tests.Core.Sparse;

public class EdgeDotTests
{
    /// <summary>The same logits by gathering both endpoints' rows and multiplying, so torch supplies the gradient.</summary>
    private static Tensor GatherReference(CsrMatrix a, Tensor targets, Tensor sources, int heads)
    {
        var rows = tensor(a.RowIndices().Select(r => (long)r).ToArray());
        var cols = tensor(a.ColIdx.Select(c => (long)c).ToArray());
        long width = targets.shape[1] / heads;
        var t = targets.index_select(0, rows).view(a.Nnz, heads, width);
        var s = sources.index_select(0, cols).view(a.Nnz, heads, width);
        return (t * s).sum(-1);
    }

    [Theory]
    [InlineData(30, 30, 140, 1, 16)]
    [InlineData(25, 40, 160, 3, 5)]    // bipartite, odd head width
    [InlineData(40, 25, 160, 8, 8)]    // eight heads reduced together
    [InlineData(20, 20, 90, 9, 8)]
    public void MatchesGatherReference(int rows, int cols, int edges, int heads, int headWidth)
    {
        var a = TestGraphs.Random(rows, cols, edges, seed: rows + heads, withValues: false);
        var targets = TestGraphs.RandomTensor(41, rows, heads * headWidth);
        var sources = TestGraphs.RandomTensor(42, cols, heads * headWidth);
        GradientComparison.Check(
            t => SparseOps.EdgeDot(a, t[0], t[1], heads),
            t => GatherReference(a, t[0], t[1], heads),
            [targets, sources], $"edge dot {a} heads {heads}×{headWidth}");
    }

    [Fact]
    public void LargeGraphTakesTheParallelPathAndMatches()
    {
        var a = TestGraphs.Random(1000, 1000, 16000, seed: 5, withValues: false);
        var targets = TestGraphs.RandomTensor(43, 1000, 32);
        var sources = TestGraphs.RandomTensor(44, 1000, 32);
        GradientComparison.Check(
            t => SparseOps.EdgeDot(a, t[0], t[1], 4),
            t => GatherReference(a, t[0], t[1], 4),
            [targets, sources], "parallel edge dot");
    }

    [Fact]
    public void RejectsMismatchedShapes()
    {
        var a = TestGraphs.Random(10, 12, 40, seed: 1, withValues: false);
        var ex = Assert.Throws<ArgumentException>(() => SparseOps.EdgeDot(a, zeros(10, 6), zeros(12, 8)));
        Assert.Contains("columns", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => SparseOps.EdgeDot(a, zeros(11, 6), zeros(12, 6)));
        Assert.Contains("targets must be [10", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => SparseOps.EdgeDot(a, zeros(10, 6), zeros(12, 6), heads: 4));
        Assert.Contains("heads", ex.Message);
    }
}
