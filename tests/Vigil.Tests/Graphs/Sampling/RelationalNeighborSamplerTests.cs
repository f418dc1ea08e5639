using Vigil.Core.Sparse;
using Vigil.Graphs.Sampling;

namespace Vigil.Tests.Graphs.Sampling;

public class RelationalNeighborSamplerTests
{
    /// <summary>Random in-neighbour sets per node (no duplicates in a row), O(edges).</summary>
    private static CsrMatrix Relation(int n, int maxDegree, Random rng)
    {
        var rows = new List<int>(); var cols = new List<int>();
        for (int i = 0; i < n; i++)
            foreach (int j in Enumerable.Range(0, rng.Next(maxDegree + 1)).Select(_ => rng.Next(n)).Distinct()) { rows.Add(i); cols.Add(j); }
        return CsrMatrix.FromCoo(n, n, rows.ToArray(), cols.ToArray()).WithValues(null);
    }

    /// <summary>Two relations; the second repeats a third of the first's edges, so some pairs are in both.</summary>
    private static CsrMatrix[] TwoRelations(int n, int maxDegree, int seed)
    {
        var rng = new Random(seed);
        var a = Relation(n, maxDegree, rng);
        var b = Relation(n, maxDegree, rng);
        var rows = new List<int>(b.RowIndices()); var cols = new List<int>(b.ColIdx);
        var aRows = a.RowIndices();
        for (int e = 0; e < a.Nnz; e += 3) { rows.Add(aRows[e]); cols.Add(a.ColIdx[e]); }
        var merged = CsrMatrix.FromCoo(n, n, rows.ToArray(), cols.ToArray(), sumDuplicates: true).WithValues(null);
        return [a, merged];
    }

    private static HashSet<int> InNeighbours(CsrMatrix a, int node) => a.ColIdx[a.RowPtr[node]..a.RowPtr[node + 1]].ToHashSet();

    [Fact]
    public void With_all_neighbours_each_relation_block_holds_exactly_that_relations_in_edges()
    {
        var relations = TwoRelations(n: 400, maxDegree: 8, seed: 3);
        var sampler = new RelationalNeighborSampler(relations, [-1, -1], seed: 1);
        int[] targets = [5, 77, 300, 12, 199];
        var batch = sampler.Sample(targets, seed: 4);

        Assert.Equal(targets, batch.OutputNodes);
        foreach (var block in batch.Blocks)
        {
            Assert.NotNull(block.Relations);
            Assert.Equal(2, block.Relations!.Count);
            for (int r = 0; r < 2; r++)
            {
                var a = block.Relations[r].Adjacency;
                Assert.Equal((block.NumTargets, block.NumSources), (a.Rows, a.Cols));
                for (int i = 0; i < a.Rows; i++)
                {
                    // Local id k is InputNodes[k] in every block (each block's nodes are a prefix of the input nodes).
                    var sampled = a.ColIdx[a.RowPtr[i]..a.RowPtr[i + 1]].Select(k => batch.InputNodes[k]).ToHashSet();
                    Assert.True(InNeighbours(relations[r], batch.InputNodes[i]).SetEquals(sampled),
                        $"relation {r}, node {batch.InputNodes[i]}: sampled in-edges differ from the relation's");
                }
            }
            // The block's own adjacency is the relations' sum, as for a full multi-relational graph.
            Assert.Equal(block.Relations.Sum(g => g.Adjacency.Nnz), block.Adjacency.RowSums().Sum(), 3);
        }
    }

    [Fact]
    public void A_nodes_fanout_is_shared_by_its_relations_and_every_sampled_edge_exists_in_its_relation()
    {
        var relations = TwoRelations(n: 600, maxDegree: 20, seed: 5);
        var sampler = new RelationalNeighborSampler(relations, [4, 3], seed: 2);
        var batch = sampler.Sample(Enumerable.Range(100, 40).ToArray(), seed: 9);
        int[] fanouts = [4, 3];
        for (int l = 0; l < 2; l++)
        {
            var block = batch.Blocks[l];
            for (int i = 0; i < block.NumTargets; i++)
            {
                int node = batch.InputNodes[i];
                int total = 0;
                for (int r = 0; r < 2; r++)
                {
                    var a = block.Relations![r].Adjacency;
                    total += a.RowPtr[i + 1] - a.RowPtr[i];
                    var neighbours = InNeighbours(relations[r], node);
                    for (int e = a.RowPtr[i]; e < a.RowPtr[i + 1]; e++) Assert.Contains(batch.InputNodes[a.ColIdx[e]], neighbours);
                }
                int degree = relations.Sum(a => a.RowPtr[node + 1] - a.RowPtr[node]);
                Assert.Equal(Math.Min(fanouts[l], degree), total);
            }
        }
    }

    [Fact]
    public void Sampled_subgraphs_are_bounded_by_the_batch_and_fanouts_not_the_graph()
    {
        const int batchSize = 32, fanout = 5;
        // Per batch: the targets, ≤ 5 neighbours each, ≤ 5 of each of those: at most 32·6·6 input nodes.
        int maxInputs = batchSize * (1 + fanout) * (1 + fanout);
        int maxEdges = batchSize * fanout + batchSize * (1 + fanout) * fanout;
        var largest = new Dictionary<int, int>();
        foreach (int nodes in new[] { 2_000, 20_000 })
        {
            var relations = TwoRelations(nodes, maxDegree: 30, seed: 7);
            var sampler = new RelationalNeighborSampler(relations, [fanout, fanout], seed: 3);
            var loader = new NodeBatchLoader(sampler, Enumerable.Range(0, 640).ToArray(), batchSize, seed: 1);
            largest[nodes] = 0;
            foreach (var batch in loader.Epoch(0))
            {
                Assert.InRange(batch.InputNodes.Length, batchSize, maxInputs);
                int edges = batch.Blocks.Sum(b => b.Relations!.Sum(g => g.Adjacency.Nnz));
                Assert.InRange(edges, 1, maxEdges);
                largest[nodes] = Math.Max(largest[nodes], batch.InputNodes.Length);
            }
        }
        // Ten times the nodes, the same bound: the big graph's batches touch a small share of it.
        Assert.True(largest[20_000] * 10 < 20_000, $"{largest[20_000]} input nodes in a batch of the 20,000-node graph");
    }

    [Fact]
    public void Weighted_relations_are_refused()
    {
        var a = CsrMatrix.FromCoo(3, 3, [0, 1], [1, 2], [0.5f, 2f]);
        var e = Assert.Throws<ArgumentException>(() => new RelationalNeighborSampler([a], [2], seed: 0));
        Assert.Contains("weights", e.Message);
    }
}
