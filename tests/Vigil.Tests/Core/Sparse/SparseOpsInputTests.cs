using Vigil.Core.Sparse;
using static TorchSharp.torch;

namespace Vigil.Tests.Core.Sparse;

public class SparseOpsInputTests
{
    private static readonly CsrMatrix A = CsrMatrix.FromCoo(3, 4, [0, 0, 2], [1, 3, 2]);

    [Fact]
    public void WrongFeatureRowCountIsRejectedByName()
    {
        var ex = Assert.Throws<ArgumentException>(() => SparseOps.SpMM(A, zeros(3, 2)));
        Assert.Contains("x has 3 rows", ex.Message);
        Assert.Contains("4 columns", ex.Message);
    }

    [Fact]
    public void NonFloat32IsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => SparseOps.SegmentMax(A, zeros(4, 2, dtype: ScalarType.Float64)));
        Assert.Contains("float32", ex.Message);
    }

    [Fact]
    public void EdgeTensorWithWrongLengthIsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => SparseOps.SegmentSoftmax(A, zeros(5)));
        Assert.Contains("edgeScores has 5 rows", ex.Message);
        Assert.Contains("3 entries", ex.Message);
    }

    [Fact]
    public void FeatureWidthMustSplitIntoHeads()
    {
        var ex = Assert.Throws<ArgumentException>(() => SparseOps.SpMM(A, zeros(3, 2), zeros(4, 5)));
        Assert.Contains("2 heads", ex.Message);
    }

    [Fact]
    public void IndexTensorsListEntriesAndSurviveCallerDisposal()
    {
        var a = CsrMatrix.FromCoo(3, 4, [2, 0, 0], [2, 3, 1]);
        using (var rows = SparseOps.RowIndexTensor(a)) Assert.Equal(new long[] { 0, 0, 2 }, rows.data<long>().ToArray());
        using (var cols = SparseOps.ColIndexTensor(a)) Assert.Equal(new long[] { 1, 3, 2 }, cols.data<long>().ToArray());
        // The cache hands out aliases, so disposing the ones above must not have freed the cached tensors.
        using var again = SparseOps.RowIndexTensor(a);
        Assert.Equal(ScalarType.Int64, again.dtype);
        Assert.Equal(new long[] { 0, 0, 2 }, again.data<long>().ToArray());
    }

    [Fact]
    public void IndexTensorsSurviveTheCallersDisposeScope()
    {
        var a = CsrMatrix.FromCoo(2, 2, [1, 0], [0, 1]);
        using (NewDisposeScope()) SparseOps.ColIndexTensor(a);
        using var cols = SparseOps.ColIndexTensor(a);
        Assert.Equal(new long[] { 1, 0 }, cols.data<long>().ToArray());
    }
}
