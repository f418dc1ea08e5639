using Vigil.Core.Sparse;
using Vigil.Graphs.Nn;

namespace Vigil.Nas.Cells;

/// <summary>
/// The edges two message graphs share. Every graph inside one forward is the input graph or a DropEdge-thinned
/// copy of it, with columns sorted within rows, so a row-by-row merge finds the common entries in O(nnz).
/// </summary>
public static class GraphIntersection
{
    public static MessageGraph Of(MessageGraph a, MessageGraph b)
    {
        // The common case (evaluation, or no DropEdge upstream) shares one object and its cached normalisations.
        if (ReferenceEquals(a, b) || ReferenceEquals(a.Adjacency, b.Adjacency)) return a;
        if (a.Adjacency.Rows != b.Adjacency.Rows || a.Adjacency.Cols != b.Adjacency.Cols)
            throw new ArgumentException($"Cannot intersect a {a.Adjacency.Rows}×{a.Adjacency.Cols} graph with a {b.Adjacency.Rows}×{b.Adjacency.Cols} graph.");
        if (a.Relations is not null || b.Relations is not null)
            throw new ArgumentException("Graph intersection supports single-relation graphs only.");
        var x = a.Adjacency; var y = b.Adjacency;
        // Whichever is already a subset of the other is the intersection; this also keeps its caches.
        if (x.Nnz <= y.Nnz && IsSubset(x, y)) return a;
        if (y.Nnz < x.Nnz && IsSubset(y, x)) return b;
        return new MessageGraph(Intersect(x, y));
    }

    private static bool IsSubset(CsrMatrix small, CsrMatrix large)
    {
        for (int r = 0; r < small.Rows; r++)
        {
            int p = small.RowPtr[r], pe = small.RowPtr[r + 1], q = large.RowPtr[r], qe = large.RowPtr[r + 1];
            while (p < pe)
            {
                while (q < qe && large.ColIdx[q] < small.ColIdx[p]) q++;
                if (q == qe || large.ColIdx[q] != small.ColIdx[p]) return false;
                p++; q++;
            }
        }
        return true;
    }

    /// <summary>Entries of <paramref name="x"/> (with its values) whose position <paramref name="y"/> also stores.</summary>
    private static CsrMatrix Intersect(CsrMatrix x, CsrMatrix y)
    {
        var ptr = new int[x.Rows + 1];
        var cols = new List<int>(Math.Min(x.Nnz, y.Nnz));
        var vals = x.Values is null ? null : new List<float>(Math.Min(x.Nnz, y.Nnz));
        for (int r = 0; r < x.Rows; r++)
        {
            int p = x.RowPtr[r], pe = x.RowPtr[r + 1], q = y.RowPtr[r], qe = y.RowPtr[r + 1];
            while (p < pe && q < qe)
            {
                int cx = x.ColIdx[p], cy = y.ColIdx[q];
                if (cx < cy) p++;
                else if (cy < cx) q++;
                else
                {
                    cols.Add(cx); vals?.Add(x.Values![p]);
                    p++; q++;
                }
            }
            ptr[r + 1] = cols.Count;
        }
        return new CsrMatrix(x.Rows, x.Cols, ptr, cols.ToArray(), vals?.ToArray(), validate: false);
    }
}
