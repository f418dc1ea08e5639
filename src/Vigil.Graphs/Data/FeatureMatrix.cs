using Vigil.Core.Sparse;
using static TorchSharp.torch;

namespace Vigil.Graphs.Data;

/// <summary>
/// Node features, kept in the form they arrive in: dense row-major float32, or sparse CSR (bag-of-words
/// features such as Cora's are 98% zeros, and X·W on the CSR form is far cheaper than on a dense copy).
/// </summary>
public sealed class FeatureMatrix
{
    public int Rows { get; }
    public int Cols { get; }
    /// <summary>Row-major values when dense, else null.</summary>
    public float[]? Dense { get; }
    /// <summary>The CSR form when sparse, else null.</summary>
    public CsrMatrix? Sparse { get; }
    public bool IsSparse => Sparse is not null;

    public FeatureMatrix(int rows, int cols, float[] dense)
    {
        if (dense.LongLength != (long)rows * cols)
            throw new ArgumentException($"Dense features hold {dense.LongLength} values, expected {rows}×{cols}.");
        Rows = rows; Cols = cols; Dense = dense;
    }

    public FeatureMatrix(CsrMatrix sparse)
    {
        Rows = sparse.Rows; Cols = sparse.Cols; Sparse = sparse;
    }

    /// <summary>Dense blocks with the same rows placed side by side (e.g. per-source feature groups).</summary>
    public static FeatureMatrix ConcatColumns(IReadOnlyList<FeatureMatrix> blocks)
    {
        if (blocks.Count == 0) throw new ArgumentException("Concatenating features needs at least one block.");
        int rows = blocks[0].Rows, cols = blocks.Sum(b => b.Cols);
        for (int b = 0; b < blocks.Count; b++)
        {
            if (blocks[b].Rows != rows) throw new ArgumentException($"Feature block {b} has {blocks[b].Rows} rows, block 0 has {rows}.");
            if (blocks[b].Dense is null) throw new ArgumentException($"Feature block {b} is sparse; only dense blocks concatenate.");
        }
        var values = new float[(long)rows * cols];
        long offset = 0;
        foreach (var b in blocks)
        {
            for (long r = 0; r < rows; r++)
                b.Dense!.AsSpan((int)(r * b.Cols), b.Cols).CopyTo(values.AsSpan((int)(r * cols + offset), b.Cols));
            offset += b.Cols;
        }
        return new FeatureMatrix(rows, cols, values);
    }

    /// <summary>The dense values as a [Rows, Cols] tensor (a copy; densifies sparse features).</summary>
    public Tensor ToDenseTensor() =>
        tensor(Dense ?? Sparse!.ToDense(), new long[] { Rows, Cols });

    /// <summary>The same features with rows scaled to sum to 1 (rows of zeros stay zero), as the GCN papers do.</summary>
    public FeatureMatrix RowNormalized()
    {
        if (Sparse is { } s)
        {
            var v = new float[s.Nnz];
            for (int r = 0; r < s.Rows; r++)
            {
                float sum = 0;
                for (int e = s.RowPtr[r]; e < s.RowPtr[r + 1]; e++) sum += s.Values?[e] ?? 1f;
                for (int e = s.RowPtr[r]; e < s.RowPtr[r + 1]; e++) v[e] = sum == 0 ? 0 : (s.Values?[e] ?? 1f) / sum;
            }
            return new FeatureMatrix(s.WithValues(v));
        }
        var d = (float[])Dense!.Clone();
        for (int r = 0; r < Rows; r++)
        {
            var row = d.AsSpan(r * Cols, Cols);
            float sum = 0; foreach (var x in row) sum += x;
            if (sum != 0) for (int c = 0; c < Cols; c++) row[c] /= sum;
        }
        return new FeatureMatrix(Rows, Cols, d);
    }
}
