using Vigil.Core.Sparse;
using Vigil.Graphs.Nn;

namespace Vigil.Graphs.Sampling;

/// <summary>
/// Neighbour sampling for multi-relational models (R-GCN, RGT, HGT, Simple-HGN): every relation's in-edges of a
/// node are pooled and up to <c>fanouts[l]</c> of them are drawn per node (so a node's fan-out is shared by its
/// relations in proportion to their degrees), by a <see cref="NeighborSampler"/> over one matrix whose edge values
/// are the relation indices. Each sampled block is then split back into one graph per relation, all of the block's
/// shape, as <see cref="MessageGraph.FromRelations"/> builds them, so the relational layers see a bipartite
/// multi-relational block. Relations must be unweighted (the follow relations are); their weights would not travel.
/// </summary>
public sealed class RelationalNeighborSampler : IBlockSampler
{
    private readonly NeighborSampler _pooled;
    private readonly int _relations;

    public RelationalNeighborSampler(IReadOnlyList<CsrMatrix> relations, int[] fanouts, int seed)
    {
        if (relations.Count == 0) throw new ArgumentException("Relational sampling needs at least one relation.");
        int n = relations[0].Rows;
        for (int r = 0; r < relations.Count; r++)
        {
            if (relations[r].Rows != n || relations[r].Cols != n)
                throw new ArgumentException($"Relation {r} is {relations[r].Rows}×{relations[r].Cols}; every relation must be {n}×{n}.");
            if (relations[r].Values is not null)
                throw new ArgumentException($"Relation {r} has edge weights; relational sampling carries the relation of an edge, not its weight.");
        }
        _relations = relations.Count;
        _pooled = new NeighborSampler(Pool(relations, n), fanouts, seed);
    }

    public int NodeCount => _pooled.NodeCount;
    public IReadOnlyList<int> Fanouts => _pooled.Fanouts;
    public int RelationCount => _relations;

    public SampledBatch Sample(ReadOnlySpan<int> targets, int seed)
    {
        var pooled = _pooled.Sample(targets, seed);
        var blocks = pooled.Blocks.Select(b => Split(b.Adjacency)).ToArray();
        return pooled with { Blocks = blocks };
    }

    /// <summary>All relations' edges in one CSR (rows sorted by source), each edge's value its relation index.</summary>
    private static CsrMatrix Pool(IReadOnlyList<CsrMatrix> relations, int n)
    {
        long total = relations.Sum(r => (long)r.Nnz);
        if (total > int.MaxValue) throw new ArgumentException($"{total:N0} edges exceed the int32 index range of one CSR matrix.");
        var rowPtr = new int[n + 1];
        var cols = new int[total];
        var types = new float[total];
        int k = 0;
        for (int i = 0; i < n; i++)
        {
            rowPtr[i] = k;
            for (int r = 0; r < relations.Count; r++)
            {
                var a = relations[r];
                for (int e = a.RowPtr[i]; e < a.RowPtr[i + 1]; e++) { cols[k] = a.ColIdx[e]; types[k] = r; k++; }
            }
            Array.Sort(cols, types, rowPtr[i], k - rowPtr[i]);
        }
        rowPtr[n] = k;
        return new CsrMatrix(n, n, rowPtr, cols, types, validate: false);
    }

    /// <summary>One pooled block → a multi-relational block (rows stay sorted: entries are filtered in order).</summary>
    private MessageGraph Split(CsrMatrix block)
    {
        var types = block.Values!;
        var perRelation = new CsrMatrix[_relations];
        for (int r = 0; r < _relations; r++)
        {
            var rowPtr = new int[block.Rows + 1];
            var cols = new List<int>();
            for (int i = 0; i < block.Rows; i++)
            {
                for (int e = block.RowPtr[i]; e < block.RowPtr[i + 1]; e++)
                    if ((int)types[e] == r) cols.Add(block.ColIdx[e]);
                rowPtr[i + 1] = cols.Count;
            }
            perRelation[r] = new CsrMatrix(block.Rows, block.Cols, rowPtr, cols.ToArray(), validate: false);
        }
        return MessageGraph.FromRelations(perRelation);
    }
}
