using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Vigil.Graphs.Smoothness;

/// <summary>
/// Exact MAD over every (row, column) pair, in row blocks: one block's cosine similarities are a double-precision
/// product of unit-normalised rows with the normalised column matrix, so memory is O(block · columns), never
/// rows · columns.
/// </summary>
internal static class ExactMad
{
    /// <summary>Target size of one similarity block, in entries (16 MiB of doubles).</summary>
    private const int BlockEntries = 1 << 21;

    public static double[] Compute(RepresentationMatrix h, int[] rows, int[]? columns, int columnCount, PairSelection selection)
    {
        var acc = new MadAccumulator(selection.CategoryCount);
        if (columnCount == 0 || rows.Length == 0) return acc.Result();
        int dim = h.Cols;
        int block = Math.Clamp(BlockEntries / columnCount, 1, rows.Length);
        var columnData = new double[(long)columnCount * dim];
        h.CopyNormalized(columns, 0, columnCount, columnData);
        var categories = new byte[columnCount];
        var rowData = new double[(long)block * dim];

        using var scope = NewDisposeScope();
        var columnsT = torch.tensor(columnData, new long[] { columnCount, dim }).t();
        for (int r0 = 0; r0 < rows.Length; r0 += block)
        {
            int b = Math.Min(block, rows.Length - r0);
            h.CopyNormalized(rows, r0, b, rowData);
            using var rowsT = torch.tensor(rowData, new long[] { block, dim });
            using var blockT = rowsT.narrow(0, 0, b);
            using var product = blockT.mm(columnsT);
            // Read the contiguous CPU result in place (the element accessor is far slower than the product).
            var similarities = MemoryMarshal.Cast<byte, double>(product.bytes);
            for (int r = 0; r < b; r++)
            {
                int row = rows[r0 + r];
                selection.BeginRow(row);
                selection.CategorizeRow(columns, categories);
                var sim = similarities.Slice(r * columnCount, columnCount);
                for (int c = 0; c < columnCount; c++)
                {
                    byte cat = categories[c];
                    if (cat == 0 || (columns?[c] ?? c) == row) continue;
                    acc.Add(cat, Math.Clamp(1 - sim[c], 0, 2));
                }
                acc.EndRow();
            }
        }
        return acc.Result();
    }
}
