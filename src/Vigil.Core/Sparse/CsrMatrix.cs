using Vigil.Core.Sparse.Kernels;

namespace Vigil.Core.Sparse;

/// <summary>
/// A compressed-sparse-row matrix with int32 indices and optional float32 values (null means every stored
/// entry is 1). As a graph adjacency, row i lists the sources j of the edges j → i, so a product A·X
/// aggregates messages into destinations. Immutable once built; derived forms are cached.
/// </summary>
public sealed class CsrMatrix
{
    public int Rows { get; }
    public int Cols { get; }
    /// <summary>Row start offsets, length Rows + 1.</summary>
    public int[] RowPtr { get; }
    /// <summary>Column index of each stored entry, sorted within each row.</summary>
    public int[] ColIdx { get; }
    /// <summary>Value of each stored entry, or null for an all-ones pattern.</summary>
    public float[]? Values { get; }
    public int Nnz => ColIdx.Length;

    private CsrMatrix? _transpose;
    private int[]? _transposePermutation;
    private int[]? _rowIdx;
    private CsrKernelCache? _kernelCache;

    /// <summary>Data the sparse kernels derive from this matrix (chunking, index tensors, sum/mean forms), built once.</summary>
    internal CsrKernelCache KernelCache =>
        _kernelCache ?? Interlocked.CompareExchange(ref _kernelCache, new CsrKernelCache(this), null) ?? _kernelCache!;

    public CsrMatrix(int rows, int cols, int[] rowPtr, int[] colIdx, float[]? values = null, bool validate = true)
    {
        if (rows < 0 || cols < 0) throw new ArgumentException($"CSR shape must be non-negative, got {rows}×{cols}.");
        if (rowPtr.Length != rows + 1)
            throw new ArgumentException($"CSR row pointer has length {rowPtr.Length}, expected rows + 1 = {rows + 1}.");
        if (values is not null && values.Length != colIdx.Length)
            throw new ArgumentException($"CSR has {colIdx.Length} column indices but {values.Length} values.");
        Rows = rows; Cols = cols; RowPtr = rowPtr; ColIdx = colIdx; Values = values;
        if (validate) Validate();
    }

    private void Validate()
    {
        if (RowPtr[0] != 0) throw new ArgumentException($"CSR row pointer must start at 0, starts at {RowPtr[0]}.");
        if (RowPtr[Rows] != ColIdx.Length)
            throw new ArgumentException($"CSR row pointer ends at {RowPtr[Rows]} but there are {ColIdx.Length} column indices.");
        for (int i = 0; i < Rows; i++)
        {
            if (RowPtr[i + 1] < RowPtr[i])
                throw new ArgumentException($"CSR row pointer decreases at row {i} ({RowPtr[i]} → {RowPtr[i + 1]}).");
        }
        for (int e = 0; e < ColIdx.Length; e++)
        {
            int c = ColIdx[e];
            if ((uint)c >= (uint)Cols)
                throw new ArgumentException($"CSR column index {c} at entry {e} is out of range [0, {Cols}).");
        }
    }

    /// <summary>The row of every stored entry (the destination of every edge), length Nnz.</summary>
    public int[] RowIndices()
    {
        if (_rowIdx is not null) return _rowIdx;
        var r = new int[Nnz];
        for (int i = 0; i < Rows; i++)
            for (int e = RowPtr[i]; e < RowPtr[i + 1]; e++) r[e] = i;
        return _rowIdx = r;
    }

    public int RowLength(int row) => RowPtr[row + 1] - RowPtr[row];

    /// <summary>
    /// The transpose, cached. <paramref name="permutation"/>[k] is the entry of this matrix that became entry k of
    /// the transpose, which lets per-edge tensors follow their edges into the transposed layout.
    /// </summary>
    public CsrMatrix Transpose(out int[] permutation)
    {
        if (_transpose is null)
        {
            var ptr = new int[Cols + 1];
            for (int e = 0; e < ColIdx.Length; e++) ptr[ColIdx[e] + 1]++;
            for (int c = 0; c < Cols; c++) ptr[c + 1] += ptr[c];
            var next = (int[])ptr.Clone();
            var idx = new int[Nnz];
            var perm = new int[Nnz];
            float[]? vals = Values is null ? null : new float[Nnz];
            // Walking rows in order keeps each transposed row's column indices sorted.
            for (int i = 0; i < Rows; i++)
            {
                for (int e = RowPtr[i]; e < RowPtr[i + 1]; e++)
                {
                    int k = next[ColIdx[e]]++;
                    idx[k] = i;
                    perm[k] = e;
                    if (vals is not null) vals[k] = Values![e];
                }
            }
            _transposePermutation = perm;
            _transpose = new CsrMatrix(Cols, Rows, ptr, idx, vals, validate: false);
            _transpose._transpose = this;
            var inverse = new int[Nnz];
            for (int k = 0; k < Nnz; k++) inverse[perm[k]] = k;
            _transpose._transposePermutation = inverse;
        }
        permutation = _transposePermutation!;
        return _transpose;
    }

    public CsrMatrix Transpose() => Transpose(out _);

    /// <summary>Same pattern with new values (null for all ones).</summary>
    public CsrMatrix WithValues(float[]? values) => new(Rows, Cols, RowPtr, ColIdx, values, validate: false)
    {
        _rowIdx = _rowIdx,
    };

    /// <summary>
    /// Builds a CSR matrix from coordinate triples. Entries are sorted by (row, column); duplicates are kept as
    /// separate entries unless <paramref name="sumDuplicates"/> merges them (values added, or counted when null).
    /// </summary>
    public static CsrMatrix FromCoo(int rows, int cols, ReadOnlySpan<int> rowIdx, ReadOnlySpan<int> colIdx,
        ReadOnlySpan<float> values = default, bool sumDuplicates = false)
    {
        if (rowIdx.Length != colIdx.Length)
            throw new ArgumentException($"COO has {rowIdx.Length} row indices but {colIdx.Length} column indices.");
        bool hasValues = !values.IsEmpty;
        if (hasValues && values.Length != rowIdx.Length)
            throw new ArgumentException($"COO has {rowIdx.Length} entries but {values.Length} values.");
        int n = rowIdx.Length;
        var ptr = new int[rows + 1];
        for (int e = 0; e < n; e++)
        {
            if ((uint)rowIdx[e] >= (uint)rows) throw new ArgumentException($"COO row index {rowIdx[e]} at entry {e} is out of range [0, {rows}).");
            if ((uint)colIdx[e] >= (uint)cols) throw new ArgumentException($"COO column index {colIdx[e]} at entry {e} is out of range [0, {cols}).");
            ptr[rowIdx[e] + 1]++;
        }
        for (int r = 0; r < rows; r++) ptr[r + 1] += ptr[r];
        var next = (int[])ptr.Clone();
        var idx = new int[n];
        var val = hasValues ? new float[n] : null;
        for (int e = 0; e < n; e++)
        {
            int k = next[rowIdx[e]]++;
            idx[k] = colIdx[e];
            if (val is not null) val[k] = values[e];
        }
        // Sort each row by column (rows are short, so an insertion sort on (col, value) pairs is fine).
        for (int r = 0; r < rows; r++)
        {
            int s = ptr[r], t = ptr[r + 1];
            if (val is null) Array.Sort(idx, s, t - s);
            else Array.Sort(idx, val, s, t - s);
        }
        var m = new CsrMatrix(rows, cols, ptr, idx, val, validate: false);
        return sumDuplicates ? m.SumDuplicates() : m;
    }

    /// <summary>Merges repeated (row, column) entries; values are added (an all-ones pattern counts them).</summary>
    public CsrMatrix SumDuplicates()
    {
        var ptr = new int[Rows + 1];
        var idx = new List<int>(Nnz);
        var val = new List<float>(Nnz);
        bool anyDup = false;
        for (int r = 0; r < Rows; r++)
        {
            int last = -1;
            for (int e = RowPtr[r]; e < RowPtr[r + 1]; e++)
            {
                float v = Values?[e] ?? 1f;
                if (ColIdx[e] == last) { val[^1] += v; anyDup = true; }
                else { idx.Add(ColIdx[e]); val.Add(v); last = ColIdx[e]; }
            }
            ptr[r + 1] = idx.Count;
        }
        if (!anyDup) return this;
        return new CsrMatrix(Rows, Cols, ptr, idx.ToArray(), Values is null && val.TrueForAll(v => v == 1f) ? null : val.ToArray(), validate: false);
    }

    /// <summary>Adds a self-loop (value <paramref name="fill"/>) to every row of a square matrix that lacks one.</summary>
    public CsrMatrix WithSelfLoops(float fill = 1f)
    {
        if (Rows != Cols) throw new InvalidOperationException($"Self-loops need a square matrix, this one is {Rows}×{Cols}.");
        var ptr = new int[Rows + 1];
        for (int r = 0; r < Rows; r++)
        {
            bool has = Array.BinarySearch(ColIdx, RowPtr[r], RowPtr[r + 1] - RowPtr[r], r) >= 0;
            ptr[r + 1] = ptr[r] + RowLength(r) + (has ? 0 : 1);
        }
        var idx = new int[ptr[Rows]];
        float[]? val = Values is null && fill == 1f ? null : new float[ptr[Rows]];
        for (int r = 0; r < Rows; r++)
        {
            int k = ptr[r];
            bool inserted = Array.BinarySearch(ColIdx, RowPtr[r], RowPtr[r + 1] - RowPtr[r], r) >= 0;
            for (int e = RowPtr[r]; e < RowPtr[r + 1]; e++)
            {
                if (!inserted && ColIdx[e] > r)
                {
                    idx[k] = r; if (val is not null) val[k] = fill; k++; inserted = true;
                }
                idx[k] = ColIdx[e]; if (val is not null) val[k] = Values?[e] ?? 1f; k++;
            }
            if (!inserted) { idx[k] = r; if (val is not null) val[k] = fill; }
        }
        return new CsrMatrix(Rows, Cols, ptr, idx, val, validate: false);
    }

    /// <summary>Sum of each row's values (its in-degree for an unweighted adjacency).</summary>
    public float[] RowSums()
    {
        var d = new float[Rows];
        for (int r = 0; r < Rows; r++)
        {
            if (Values is null) d[r] = RowLength(r);
            else { float s = 0; for (int e = RowPtr[r]; e < RowPtr[r + 1]; e++) s += Values[e]; d[r] = s; }
        }
        return d;
    }

    /// <summary>A dense row-major copy; for tests and small matrices only.</summary>
    public float[] ToDense()
    {
        var d = new float[(long)Rows * Cols];
        for (int r = 0; r < Rows; r++)
            for (int e = RowPtr[r]; e < RowPtr[r + 1]; e++) d[(long)r * Cols + ColIdx[e]] += Values?[e] ?? 1f;
        return d;
    }

    public override string ToString() => $"CsrMatrix({Rows}×{Cols}, nnz={Nnz}{(Values is null ? ", pattern" : "")})";
}
