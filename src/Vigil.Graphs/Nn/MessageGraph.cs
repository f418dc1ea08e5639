using Vigil.Core.Sparse;

namespace Vigil.Graphs.Nn;

/// <summary>
/// The structure a layer passes messages over: a CSR adjacency with targets as rows and sources as columns.
/// Full-batch it is square (every node is both); a sampled mini-batch block is bipartite, and by convention the
/// first <see cref="NumTargets"/> sources are the targets themselves, so x[..NumTargets] are their own features.
/// Normalised forms are computed once and cached, because every layer of every epoch asks for them.
/// </summary>
public sealed class MessageGraph
{
    public CsrMatrix Adjacency { get; }
    public int NumTargets => Adjacency.Rows;
    public int NumSources => Adjacency.Cols;
    /// <summary>Full batch: every node is both a source and a target, so the graph can be applied repeatedly.</summary>
    public bool IsSquare => Adjacency.Rows == Adjacency.Cols;
    /// <summary>
    /// Per-relation graphs of a multi-relational graph (R-GCN), each with this graph's shape, or null for a
    /// single-relation graph. <see cref="Adjacency"/> is then their sum.
    /// </summary>
    public IReadOnlyList<MessageGraph>? Relations { get; }

    private CsrMatrix? _withSelfLoops, _gcn, _mean;

    public MessageGraph(CsrMatrix adjacency)
    {
        if (adjacency.Cols < adjacency.Rows)
            throw new ArgumentException($"A message graph needs at least as many sources as targets, got {adjacency.Rows}×{adjacency.Cols}.");
        Adjacency = adjacency;
    }

    private MessageGraph(CsrMatrix adjacency, IReadOnlyList<MessageGraph> relations) : this(adjacency)
    {
        Relations = relations;
    }

    /// <summary>
    /// A multi-relational graph from one adjacency per relation (all the same shape); its <see cref="Adjacency"/>
    /// is their sum, so relation-agnostic layers still see every edge.
    /// </summary>
    public static MessageGraph FromRelations(IReadOnlyList<CsrMatrix> relations)
    {
        if (relations.Count == 0) throw new ArgumentException("A multi-relational graph needs at least one relation.");
        int rows = relations[0].Rows, cols = relations[0].Cols, nnz = 0;
        for (int r = 0; r < relations.Count; r++)
        {
            if (relations[r].Rows != rows || relations[r].Cols != cols)
                throw new ArgumentException($"Relation {r} is {relations[r].Rows}×{relations[r].Cols}, relation 0 is {rows}×{cols}: all relations must share one shape.");
            nnz += relations[r].Nnz;
        }
        var ri = new int[nnz]; var ci = new int[nnz]; var v = new float[nnz];
        bool weighted = false;
        int k = 0;
        foreach (var a in relations)
        {
            var rowOf = a.RowIndices();
            for (int e = 0; e < a.Nnz; e++, k++)
            {
                ri[k] = rowOf[e]; ci[k] = a.ColIdx[e]; v[k] = a.Values?[e] ?? 1f;
                weighted |= a.Values is not null;
            }
        }
        var union = CsrMatrix.FromCoo(rows, cols, ri, ci, v, sumDuplicates: true);
        // An unweighted relation set whose relations share no edge stays an all-ones pattern.
        bool allOnes = !weighted && Array.TrueForAll(union.Values ?? [], x => x == 1f);
        return new MessageGraph(allOnes ? union.WithValues(null) : union, relations.Select(a => new MessageGraph(a)).ToArray());
    }

    /// <summary>A + I on the target block (target i is source i): the GCN/GAT neighbourhood.</summary>
    public CsrMatrix WithSelfLoops => _withSelfLoops ??= AddSelfLoops(Adjacency);

    /// <summary>D^-1/2 (A + I) D^-1/2 with degrees from the weighted rows (Kipf &amp; Welling).</summary>
    public CsrMatrix GcnNormalized => _gcn ??= SymmetricNormalize(WithSelfLoops);

    /// <summary>Row-normalised A: each target averages its sources (GraphSAGE mean).</summary>
    public CsrMatrix MeanNormalized => _mean ??= RowNormalize(Adjacency);

    private static CsrMatrix AddSelfLoops(CsrMatrix a)
    {
        if (a.Rows == a.Cols) return a.WithSelfLoops();
        // Bipartite block: add (i, i) for each target i, as a square matrix would.
        var rows = new List<int>(a.Nnz + a.Rows);
        var cols = new List<int>(a.Nnz + a.Rows);
        var vals = new List<float>(a.Nnz + a.Rows);
        for (int r = 0; r < a.Rows; r++)
        {
            bool has = false;
            for (int e = a.RowPtr[r]; e < a.RowPtr[r + 1]; e++)
            {
                rows.Add(r); cols.Add(a.ColIdx[e]); vals.Add(a.Values?[e] ?? 1f);
                if (a.ColIdx[e] == r) has = true;
            }
            if (!has) { rows.Add(r); cols.Add(r); vals.Add(1f); }
        }
        var m = CsrMatrix.FromCoo(a.Rows, a.Cols, rows.ToArray(), cols.ToArray(), vals.ToArray());
        return a.Values is null ? m.WithValues(null) : m;
    }

    private static CsrMatrix SymmetricNormalize(CsrMatrix a)
    {
        var rowDeg = a.RowSums();
        // Source degrees: column sums, so a directed or bipartite block is normalised by both ends.
        var colDeg = new float[a.Cols];
        for (int e = 0; e < a.Nnz; e++) colDeg[a.ColIdx[e]] += a.Values?[e] ?? 1f;
        var v = new float[a.Nnz];
        for (int r = 0; r < a.Rows; r++)
            for (int e = a.RowPtr[r]; e < a.RowPtr[r + 1]; e++)
            {
                float d = rowDeg[r] * colDeg[a.ColIdx[e]];
                v[e] = d > 0 ? (a.Values?[e] ?? 1f) / MathF.Sqrt(d) : 0f;
            }
        return a.WithValues(v);
    }

    private static CsrMatrix RowNormalize(CsrMatrix a)
    {
        var deg = a.RowSums();
        var v = new float[a.Nnz];
        for (int r = 0; r < a.Rows; r++)
            for (int e = a.RowPtr[r]; e < a.RowPtr[r + 1]; e++)
                v[e] = deg[r] != 0 ? (a.Values?[e] ?? 1f) / deg[r] : 0f;
        return a.WithValues(v);
    }
}
