using Vigil.Core.Sparse;

namespace Vigil.Graphs.Data;

/// <summary>
/// The union of several sparsity patterns of the same shape: every (row, column) present in any part, once,
/// sorted within rows, without values. Used to merge relations into one simple graph.
/// </summary>
internal static class CsrPatternUnion
{
    public static CsrMatrix Build(int rows, int cols, IReadOnlyList<CsrMatrix> parts)
    {
        foreach (var p in parts)
            if (p.Rows != rows || p.Cols != cols)
                throw new ArgumentException($"Cannot merge a {p.Rows}×{p.Cols} pattern into a {rows}×{cols} one.");
        var ptr = new int[rows + 1];
        foreach (var p in parts)
            for (int r = 0; r < rows; r++) ptr[r + 1] += p.RowLength(r);
        for (int r = 0; r < rows; r++) ptr[r + 1] += ptr[r];
        var idx = new int[ptr[rows]];
        var fill = (int[])ptr.Clone();
        foreach (var p in parts)
            for (int r = 0; r < rows; r++)
            {
                int len = p.RowLength(r);
                Array.Copy(p.ColIdx, p.RowPtr[r], idx, fill[r], len);
                fill[r] += len;
            }
        // Sort each row, then compact away repeats in place; rows only ever shrink, so writing behind reading is safe.
        var outPtr = new int[rows + 1];
        int w = 0;
        for (int r = 0; r < rows; r++)
        {
            int s = ptr[r], t = ptr[r + 1];
            if (parts.Count > 1) Array.Sort(idx, s, t - s);
            for (int e = s; e < t; e++)
                if (e == s || idx[e] != idx[e - 1]) idx[w++] = idx[e];
            outPtr[r + 1] = w;
        }
        if (w != idx.Length) Array.Resize(ref idx, w);
        return new CsrMatrix(rows, cols, outPtr, idx, values: null, validate: false);
    }
}
