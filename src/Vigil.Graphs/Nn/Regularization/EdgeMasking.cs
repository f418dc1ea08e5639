using Vigil.Core.Sparse;

namespace Vigil.Graphs.Nn.Regularization;

/// <summary>Builds the message graph that keeps only chosen entries, relation by relation.</summary>
internal static class EdgeMasking
{
    /// <summary>
    /// Keeps the entries for which <paramref name="keepFor"/> says so. A multi-relational graph is masked per
    /// relation and its union rebuilt, so relation-aware and relation-agnostic layers see the same edges.
    /// </summary>
    public static MessageGraph Keep(MessageGraph g, Func<CsrMatrix, bool[]> keepFor)
    {
        if (g.Relations is { } relations)
            return MessageGraph.FromRelations(relations.Select(r => Keep(r.Adjacency, keepFor(r.Adjacency))).ToArray());
        return new MessageGraph(Keep(g.Adjacency, keepFor(g.Adjacency)));
    }

    public static CsrMatrix Keep(CsrMatrix a, bool[] keep)
    {
        var ptr = new int[a.Rows + 1];
        int kept = 0;
        for (int e = 0; e < a.Nnz; e++) if (keep[e]) kept++;
        var idx = new int[kept];
        var val = a.Values is null ? null : new float[kept];
        int k = 0;
        for (int r = 0; r < a.Rows; r++)
        {
            for (int e = a.RowPtr[r]; e < a.RowPtr[r + 1]; e++)
            {
                if (!keep[e]) continue;
                idx[k] = a.ColIdx[e];
                if (val is not null) val[k] = a.Values![e];
                k++;
            }
            ptr[r + 1] = k;
        }
        return new CsrMatrix(a.Rows, a.Cols, ptr, idx, val, validate: false);
    }
}
