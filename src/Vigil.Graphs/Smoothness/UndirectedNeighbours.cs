using System.Runtime.CompilerServices;
using Vigil.Core.Sparse;

namespace Vigil.Graphs.Smoothness;

/// <summary>
/// Neighbour lists of the undirected graph underlying an adjacency: j and i are neighbours when either edge
/// j → i or i → j exists. Hop distances for over-smoothing metrics are topological ("how many hops apart"), and the
/// benchmark graphs of Chen et al. are undirected, so direction is ignored. A symmetric adjacency is used as is;
/// otherwise it is merged with its transpose once. Built lazily and cached per adjacency instance.
/// </summary>
internal sealed class UndirectedNeighbours
{
    private static readonly ConditionalWeakTable<CsrMatrix, UndirectedNeighbours> Cache = new();

    public int NodeCount { get; }
    public int[] RowPtr { get; }
    public int[] ColIdx { get; }

    private UndirectedNeighbours(int n, int[] rowPtr, int[] colIdx) { NodeCount = n; RowPtr = rowPtr; ColIdx = colIdx; }

    public static UndirectedNeighbours Of(CsrMatrix adjacency)
    {
        if (adjacency.Rows != adjacency.Cols)
            throw new ArgumentException($"Hop distances need a square adjacency, got {adjacency.Rows}×{adjacency.Cols}.");
        return Cache.GetValue(adjacency, Build);
    }

    private static UndirectedNeighbours Build(CsrMatrix a)
    {
        var t = a.Transpose();
        if (a.RowPtr.AsSpan().SequenceEqual(t.RowPtr) && a.ColIdx.AsSpan().SequenceEqual(t.ColIdx))
            return new UndirectedNeighbours(a.Rows, a.RowPtr, a.ColIdx);
        // Merge each row of A with the same row of Aᵀ (both sorted), dropping duplicates.
        var ptr = new int[a.Rows + 1];
        var idx = new int[a.Nnz + t.Nnz];
        int k = 0;
        for (int r = 0; r < a.Rows; r++)
        {
            int p = a.RowPtr[r], pe = a.RowPtr[r + 1], q = t.RowPtr[r], qe = t.RowPtr[r + 1];
            int last = -1;
            while (p < pe || q < qe)
            {
                int v = q >= qe || (p < pe && a.ColIdx[p] <= t.ColIdx[q]) ? a.ColIdx[p++] : t.ColIdx[q++];
                if (v != last) { idx[k++] = v; last = v; }
            }
            ptr[r + 1] = k;
        }
        Array.Resize(ref idx, k);
        return new UndirectedNeighbours(a.Rows, ptr, idx);
    }
}
