using Vigil.Core.Sparse;

namespace Vigil.Graphs.IO;

/// <summary>
/// A scipy CSR matrix stored as four npz arrays <c>{prefix}_data</c>, <c>_indices</c>, <c>_indptr</c> and
/// <c>_shape</c> (the layout of scipy's <c>save_npz</c> members and of gnn-benchmark graphs). Reading checks every
/// invariant, so a broken file fails here with the array named rather than later inside a kernel.
/// </summary>
public static class NpzCsr
{
    /// <summary>Reads and validates the matrix; rows left unsorted by the writer are sorted by column.</summary>
    public static CsrMatrix Read(NpzReader npz, string prefix)
    {
        string shapeKey = prefix + "_shape", ptrKey = prefix + "_indptr", idxKey = prefix + "_indices", dataKey = prefix + "_data";
        NpzFormatException Bad(string key, string problem) => new(npz.FilePath, key, problem);

        var shape = npz.ReadInt64(shapeKey);
        if (shape.Length != 2) throw Bad(shapeKey, $"a CSR shape needs 2 entries, got {shape.Length}");
        if (shape[0] < 0 || shape[1] < 0 || shape[0] >= int.MaxValue || shape[1] > int.MaxValue)
            throw Bad(shapeKey, $"shape ({shape[0]}, {shape[1]}) is negative or too large");
        int rows = (int)shape[0], cols = (int)shape[1];

        var ptr = npz.ReadInt32(ptrKey);
        var idx = npz.ReadInt32(idxKey);
        var data = npz.ReadFloat32(dataKey);
        if (ptr.Length != rows + 1)
            throw Bad(ptrKey, $"has {ptr.Length} entries, expected rows + 1 = {rows + 1} for shape ({rows}, {cols}) in '{shapeKey}'");
        if (data.Length != idx.Length)
            throw Bad(dataKey, $"has {data.Length} values but '{idxKey}' has {idx.Length} indices");
        if (ptr[0] != 0) throw Bad(ptrKey, $"must start at 0, starts at {ptr[0]}");
        for (int r = 0; r < rows; r++)
            if (ptr[r + 1] < ptr[r])
                throw Bad(ptrKey, $"decreases at row {r} ({ptr[r]} → {ptr[r + 1]})");
        if (ptr[rows] != idx.Length)
            throw Bad(ptrKey, $"ends at {ptr[rows]} but '{idxKey}' has {idx.Length} entries (nnz)");
        for (int e = 0; e < idx.Length; e++)
            if ((uint)idx[e] >= (uint)cols)
                throw Bad(idxKey, $"column index {idx[e]} at entry {e} is out of range [0, {cols})");

        // CsrMatrix promises sorted rows; scipy permits unsorted ones (has_sorted_indices == False).
        for (int r = 0; r < rows; r++)
        {
            int s = ptr[r], t = ptr[r + 1];
            for (int e = s + 1; e < t; e++)
            {
                if (idx[e] >= idx[e - 1]) continue;
                Array.Sort(idx, data, s, t - s);
                break;
            }
        }
        return new CsrMatrix(rows, cols, ptr, idx, data, validate: false);
    }

    /// <summary>Writes the matrix in the same layout (values as float32, ones when the pattern has none).</summary>
    public static void Write(NpzWriter npz, string prefix, CsrMatrix matrix)
    {
        var values = matrix.Values ?? Enumerable.Repeat(1f, matrix.Nnz).ToArray();
        npz.Write(prefix + "_data", new NpyArray(values));
        npz.Write(prefix + "_indices", new NpyArray(matrix.ColIdx));
        npz.Write(prefix + "_indptr", new NpyArray(matrix.RowPtr));
        npz.Write(prefix + "_shape", new NpyArray(new long[] { matrix.Rows, matrix.Cols }));
    }
}
