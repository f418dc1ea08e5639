using Vigil.Core.Sparse;
using static TorchSharp.torch;

namespace Vigil.Tests.Core.Sparse;

public class SpMMTests
{
    // Widths cover every register tile (64/32/16/8) and the scalar tail, alone and combined.
    [Theory]
    [InlineData(30, 30, 120, 1, true)]
    [InlineData(30, 30, 120, 7, false)]
    [InlineData(30, 30, 120, 16, true)]
    [InlineData(25, 40, 150, 37, true)]
    [InlineData(40, 25, 150, 64, false)]
    [InlineData(40, 25, 150, 100, true)]
    [InlineData(20, 20, 80, 136, true)]
    public void FixedValuesMatchDenseProduct(int rows, int cols, int edges, int width, bool withValues)
    {
        var a = TestGraphs.Random(rows, cols, edges, seed: rows * 31 + width, withValues);
        var x = TestGraphs.RandomTensor(width, cols, width);
        GradientComparison.Check(
            t => SparseOps.SpMM(a, t[0]),
            t => DenseReference.Dense(a).mm(t[0]),
            [x], $"SpMM {a} width {width}");
    }

    [Fact]
    public void LargeGraphTakesTheParallelPathAndMatches()
    {
        // Enough work (nnz × width) to exceed the serial threshold, so row chunks run on several threads.
        var a = TestGraphs.Random(1500, 1200, 24000, seed: 7, withValues: true);
        var x = TestGraphs.RandomTensor(8, 1200, 24);
        GradientComparison.Check(
            t => SparseOps.SpMM(a, t[0]),
            t => DenseReference.Dense(a).mm(t[0]),
            [x], "parallel SpMM");
    }

    [Fact]
    public void SparseFeaturesTimesDenseWeightGivesWeightGradient()
    {
        // The first layer of a model on bag-of-words features: X_csr [N, F] · W [F, H], gradient to W only.
        var features = TestGraphs.Random(60, 300, 900, seed: 3, withValues: false);
        var w = TestGraphs.RandomTensor(4, 300, 16);
        GradientComparison.Check(
            t => SparseOps.SpMM(features, t[0]),
            t => DenseReference.Dense(features).mm(t[0]),
            [w], "features × weight");
    }

    [Fact]
    public void NonContiguousAndOffsetInputsAreReadCorrectly()
    {
        var a = TestGraphs.Random(20, 20, 90, seed: 5, withValues: true);
        using var big = TestGraphs.RandomTensor(6, 23, 20);
        using var offset = big.narrow(0, 3, 20);             // contiguous, nonzero storage offset
        using var transposed = big.narrow(0, 0, 20).t();     // non-contiguous view [20, 20]
        var dense = DenseReference.Dense(a);
        TensorAssert.Close(dense.mm(offset), SparseOps.SpMM(a, offset), what: "offset input");
        TensorAssert.Close(dense.mm(transposed), SparseOps.SpMM(a, transposed), what: "transposed input");
    }

    [Fact]
    public void GradientFlowsBackThroughANonContiguousInput()
    {
        var a = TestGraphs.Random(20, 30, 100, seed: 6, withValues: true);
        var xt = TestGraphs.RandomTensor(7, 12, 30); // used transposed: a non-contiguous [30, 12] view
        GradientComparison.Check(
            t => SparseOps.SpMM(a, t[0].t()),
            t => DenseReference.Dense(a).mm(t[0].t()),
            [xt], "transposed-view SpMM");
    }

    [Fact]
    public void InferenceWithoutGradientsGivesTheSameResult()
    {
        var a = TestGraphs.Random(30, 30, 120, seed: 9, withValues: true);
        var x = TestGraphs.RandomTensor(10, 30, 12).requires_grad_(true);
        var withGraph = SparseOps.SpMM(a, x);
        Assert.True(withGraph.requires_grad);
        using (no_grad())
        {
            var withoutGraph = SparseOps.SpMM(a, x);
            Assert.False(withoutGraph.requires_grad);
            TensorAssert.Close(withGraph, withoutGraph, what: "no_grad SpMM");
        }
    }

    [Fact]
    public void RepeatedEpochsReuseTheCachedTransposeAndAgree()
    {
        var a = TestGraphs.Random(40, 40, 200, seed: 11, withValues: true);
        var x = TestGraphs.RandomTensor(12, 40, 8).requires_grad_(true);
        SparseOps.SpMM(a, x).sum().backward();
        var first = x.grad!.clone();
        var transpose = a.Transpose();
        x.grad!.zero_();
        SparseOps.SpMM(a, x).sum().backward();
        Assert.Same(transpose, a.Transpose());
        TensorAssert.Close(first, x.grad!, rtol: 0, what: "second epoch gradient");
    }

    [Fact]
    public void EmptyMatrixGivesZeros()
    {
        var a = new CsrMatrix(3, 4, new int[4], []);
        var x = TestGraphs.RandomTensor(1, 4, 5).requires_grad_(true);
        var y = SparseOps.SpMM(a, x);
        Assert.Equal(new long[] { 3, 5 }, y.shape);
        Assert.Equal(0f, y.abs().sum().item<float>());
        y.sum().backward();
        Assert.Equal(0f, x.grad!.abs().sum().item<float>());
    }

    [Fact]
    public void MatrixWithoutRowsGivesAnEmptyOutputAndZeroGradient()
    {
        var a = new CsrMatrix(0, 4, [0], []);
        var x = TestGraphs.RandomTensor(2, 4, 3).requires_grad_(true);
        var y = SparseOps.SpMM(a, x);
        Assert.Equal(new long[] { 0, 3 }, y.shape);
        y.sum().backward();
        Assert.Equal(0f, x.grad!.abs().sum().item<float>());
    }
}
