using System.Runtime.CompilerServices;
using Vigil.Core.Sparse;

namespace Vigil.Graphs.Nn.Hetero;

/// <summary>
/// All relations of a multi-relational graph as one CSR matrix of shape [targets, R·sources]: an edge j→i of
/// relation r is stored at column r·sources + j. Stacking per-relation source tensors [R·sources, F] then lets
/// one edge-dot / softmax / SpMM pass treat every relation with its own keys and messages while the softmax
/// runs over all of a target's in-edges, as heterogeneous attention layers (HGT, Simple-HGN) require.
/// Optionally adds each target's self-loop as relation R (Simple-HGN's self-loop edge type).
/// </summary>
public sealed class RelationalAdjacency
{
    private static readonly ConditionalWeakTable<MessageGraph, RelationalAdjacency> Plain = new();
    private static readonly ConditionalWeakTable<MessageGraph, RelationalAdjacency> Looped = new();

    /// <summary>[targets, types·sources] with relation-offset columns.</summary>
    public CsrMatrix Matrix { get; }
    /// <summary>The relation (edge type) of every stored entry, in CSR order.</summary>
    public int[] EdgeTypes { get; }
    /// <summary>The source node of every stored entry (the column without its relation offset).</summary>
    public int[] Sources { get; }
    /// <summary>
    /// The same entries in the same order over the plain [targets, sources] index space (a relation's edge keeps
    /// its type in <see cref="EdgeTypes"/>): for layers whose messages do not depend on the relation.
    /// </summary>
    public CsrMatrix Merged { get; }
    /// <summary>Relations plus the self-loop type when added.</summary>
    public int NumTypes { get; }
    public int NumTargets => Matrix.Rows;
    public int NumSources { get; }

    private RelationalAdjacency(CsrMatrix matrix, CsrMatrix merged, int[] edgeTypes, int[] sources, int numTypes, int numSources)
    {
        Matrix = matrix; Merged = merged; EdgeTypes = edgeTypes; Sources = sources; NumTypes = numTypes; NumSources = numSources;
    }

    /// <summary>The cached expansion of <paramref name="graph"/>'s relations (a graph without relations is one).</summary>
    public static RelationalAdjacency Of(MessageGraph graph, bool addSelfLoops = false) =>
        (addSelfLoops ? Looped : Plain).GetValue(graph, g => Build(g, addSelfLoops));

    private static RelationalAdjacency Build(MessageGraph graph, bool addSelfLoops)
    {
        var relations = graph.Relations?.Select(r => r.Adjacency).ToArray() ?? [graph.Adjacency];
        int rows = graph.NumTargets, sources = graph.NumSources, numRelations = relations.Length;
        int numTypes = numRelations + (addSelfLoops ? 1 : 0);
        long total = relations.Sum(r => (long)r.Nnz) + (addSelfLoops ? rows : 0);
        if ((long)numTypes * sources > int.MaxValue || total > int.MaxValue)
            throw new ArgumentException($"{nameof(RelationalAdjacency)}: {numTypes} edge types × {sources} sources or {total} edges exceed the int32 index range.");
        var rowPtr = new int[rows + 1];
        var cols = new int[total];
        var types = new int[total];
        var plainSources = new int[total];
        int k = 0;
        for (int i = 0; i < rows; i++)
        {
            rowPtr[i] = k;
            for (int r = 0; r < numRelations; r++)
            {
                var a = relations[r];
                for (int e = a.RowPtr[i]; e < a.RowPtr[i + 1]; e++)
                {
                    cols[k] = r * sources + a.ColIdx[e];
                    types[k] = r;
                    plainSources[k] = a.ColIdx[e];
                    k++;
                }
            }
            if (addSelfLoops)
            {
                // A target is source i of a block by the MessageGraph convention.
                cols[k] = numRelations * sources + i;
                types[k] = numRelations;
                plainSources[k] = i;
                k++;
            }
        }
        rowPtr[rows] = k;
        var matrix = new CsrMatrix(rows, numTypes * sources, rowPtr, cols);
        var merged = new CsrMatrix(rows, sources, rowPtr, plainSources);
        return new RelationalAdjacency(matrix, merged, types, plainSources, numTypes, sources);
    }
}
