using static TorchSharp.torch;

namespace Vigil.Core.Sparse.Kernels;

/// <summary>
/// Everything the kernels derive from one <see cref="CsrMatrix"/>, computed on first use and kept for the
/// matrix's lifetime, so the second and later epochs over the same adjacency pay nothing for it. The transpose
/// itself is cached by the matrix (and the transpose has a cache of its own).
/// </summary>
internal sealed class CsrKernelCache(CsrMatrix matrix)
{
    private RowChunks? _chunks;
    private CsrMatrix? _pattern, _mean;
    private Tensor? _rowIndex, _colIndex;
    private readonly Lock _tensorLock = new();

    public RowChunks Chunks => _chunks ??= RowChunks.Balance(matrix);

    /// <summary>The same pattern with every value 1 (for sums).</summary>
    public CsrMatrix Pattern => _pattern ??= matrix.Values is null ? matrix : matrix.WithValues(null);

    /// <summary>The same pattern with value 1/(row length) on every entry of a row (for means).</summary>
    public CsrMatrix Mean => _mean ??= BuildMean();

    /// <summary>Row of every entry as a CPU int64 tensor; owned by the cache, hand out aliases only.</summary>
    public Tensor RowIndex
    {
        get { lock (_tensorLock) return _rowIndex ??= Int64Tensor(matrix.RowIndices()); }
    }

    /// <summary>Column of every entry as a CPU int64 tensor; owned by the cache, hand out aliases only.</summary>
    public Tensor ColIndex
    {
        get { lock (_tensorLock) return _colIndex ??= Int64Tensor(matrix.ColIdx); }
    }

    private CsrMatrix BuildMean()
    {
        var v = new float[matrix.Nnz];
        for (int r = 0; r < matrix.Rows; r++)
        {
            int s = matrix.RowPtr[r], e = matrix.RowPtr[r + 1];
            if (e > s) Array.Fill(v, 1f / (e - s), s, e - s);
        }
        return matrix.WithValues(v);
    }

    private static unsafe Tensor Int64Tensor(int[] values)
    {
        // Detached from any dispose scope: the cache, not the caller's training step, owns it.
        var t = empty(values.Length, dtype: ScalarType.Int64).DetachFromDisposeScope();
        var dst = new Span<long>(TensorMemory.Longs(t), values.Length);
        for (int i = 0; i < values.Length; i++) dst[i] = values[i];
        return t;
    }
}
