using Vigil.Core.Sparse;
using static TorchSharp.torch;

namespace Vigil.Tests.Core.Sparse;

public class SegmentSoftmaxTests
{
    [Theory]
    [InlineData(30, 30, 150, 0)]   // scores [Nnz]
    [InlineData(30, 30, 150, 1)]   // scores [Nnz, 1]
    [InlineData(25, 40, 170, 3)]   // bipartite, three heads
    [InlineData(40, 25, 170, 8)]
    public void MatchesPerRowSoftmax(int rows, int cols, int edges, int heads)
    {
        var a = TestGraphs.Random(rows, cols, edges, seed: rows + heads, withValues: false);
        var scores = heads == 0 ? TestGraphs.RandomTensor(41, a.Nnz) : TestGraphs.RandomTensor(41, a.Nnz, heads);
        scores = scores * 4; // spread the scores so the softmax is far from uniform
        GradientComparison.Check(
            t => SparseOps.SegmentSoftmax(a, t[0]),
            t => DenseReference.SegmentSoftmax(a, t[0]),
            [scores], $"segment softmax {a} heads {heads}");
    }

    [Fact]
    public void LargeGraphTakesTheParallelPathAndMatches()
    {
        var a = TestGraphs.Random(2000, 2000, 40000, seed: 17, withValues: false);
        var scores = TestGraphs.RandomTensor(43, a.Nnz, 4) * 3;
        GradientComparison.Check(
            t => SparseOps.SegmentSoftmax(a, t[0]),
            t => DenseReference.SegmentSoftmax(a, t[0]),
            [scores], "parallel segment softmax");
    }

    [Fact]
    public void RowsFarApartInScaleStayNormalised()
    {
        // Row 0's scores sit near +1000 and row 1's near −1000: a single global shift would underflow row 1 to 0/0.
        var a = CsrMatrix.FromCoo(2, 3, [0, 0, 1, 1, 1], [0, 1, 0, 1, 2]);
        var scores = tensor(new float[] { 1000f, 999f, -1000f, -1001f, -1002f });
        var y = SparseOps.SegmentSoftmax(a, scores);
        var expected = cat([tensor(new float[] { 1f, 0f }).softmax(0), tensor(new float[] { 0f, -1f, -2f }).softmax(0)], 0);
        TensorAssert.Close(expected, y, what: "far-apart rows");
    }
}
