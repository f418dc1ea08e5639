using Vigil.Core.Sparse;
using Vigil.Graphs.Sampling;

namespace Vigil.Tests.Graphs.Sampling;

public class NeighborSamplerTests
{
    [Fact]
    public void BlocksChainAndKeepTargetsAsTheSourcePrefix()
    {
        var adjacency = RandomGraph(n: 300, maxDegree: 12, seed: 1);
        var sampler = new NeighborSampler(adjacency, new[] { 4, 3 }, seed: 9);
        int[] targets = { 17, 3, 250, 99, 4, 120, 121, 7 };
        var batch = sampler.Sample(targets);

        Assert.Equal(2, batch.Blocks.Count);
        Assert.Equal(targets, batch.OutputNodes);
        Assert.Equal(targets.Length, batch.Blocks[1].NumTargets);
        Assert.Equal(batch.Blocks[1].NumSources, batch.Blocks[0].NumTargets);
        Assert.Equal(batch.Blocks[0].NumSources, batch.InputNodes.Length);
        Assert.Equal(batch.InputNodes.Length, batch.InputNodes.Distinct().Count());
        // Every block's sources are a prefix of the input nodes, and its targets a prefix of its sources.
        Assert.Equal(targets, batch.InputNodes.Take(targets.Length));
        foreach (var block in batch.Blocks)
        {
            var a = block.Adjacency;
            for (int r = 0; r < a.Rows; r++)
                for (int e = a.RowPtr[r] + 1; e < a.RowPtr[r + 1]; e++) Assert.True(a.ColIdx[e - 1] <= a.ColIdx[e], "rows are sorted");
            // Sources beyond the target prefix exist only because some target sampled them.
            var used = new HashSet<int>(a.ColIdx);
            for (int s = a.Rows; s < a.Cols; s++) Assert.Contains(s, used);
        }
    }

    [Fact]
    public void SampledEdgesExistAndFanoutsAreRespectedWithoutReplacement()
    {
        var adjacency = RandomGraph(n: 400, maxDegree: 20, seed: 2);
        int[] fanouts = { 5, 2, 7 };
        var sampler = new NeighborSampler(adjacency, fanouts, seed: 4);
        var batch = sampler.Sample(Enumerable.Range(100, 30).ToArray());
        var ids = batch.InputNodes;
        for (int l = 0; l < fanouts.Length; l++)
        {
            var a = batch.Blocks[l].Adjacency;
            for (int r = 0; r < a.Rows; r++)
            {
                int dst = ids[r];
                var neighbours = adjacency.ColIdx[adjacency.RowPtr[dst]..adjacency.RowPtr[dst + 1]];
                var sampled = a.ColIdx[a.RowPtr[r]..a.RowPtr[r + 1]].Select(c => ids[c]).ToArray();
                Assert.Equal(Math.Min(fanouts[l], neighbours.Length), sampled.Length);
                Assert.Equal(sampled.Length, sampled.Distinct().Count());
                foreach (int src in sampled) Assert.Contains(src, neighbours);
            }
        }
    }

    [Fact]
    public void FanoutMinusOneReproducesTheFullNeighbourhood()
    {
        var adjacency = RandomGraph(n: 200, maxDegree: 15, seed: 3);
        var batch = new NeighborSampler(adjacency, new[] { -1, -1 }, seed: 0).Sample(new[] { 5, 60, 61, 199 });
        var ids = batch.InputNodes;
        int expectedOuterTargets = batch.Blocks[1].NumSources;
        Assert.Equal(expectedOuterTargets, batch.Blocks[0].NumTargets);
        foreach (var block in batch.Blocks)
        {
            var a = block.Adjacency;
            for (int r = 0; r < a.Rows; r++)
            {
                int dst = ids[r];
                var full = adjacency.ColIdx[adjacency.RowPtr[dst]..adjacency.RowPtr[dst + 1]].OrderBy(x => x);
                Assert.Equal(full, a.ColIdx[a.RowPtr[r]..a.RowPtr[r + 1]].Select(c => ids[c]).OrderBy(x => x));
            }
        }
        // Two full hops from the targets: the inputs are exactly the 2-hop in-neighbourhood.
        var reach = new HashSet<int>(new[] { 5, 60, 61, 199 });
        for (int hop = 0; hop < 2; hop++)
            foreach (int v in reach.ToArray())
                for (int e = adjacency.RowPtr[v]; e < adjacency.RowPtr[v + 1]; e++) reach.Add(adjacency.ColIdx[e]);
        Assert.Equal(reach.OrderBy(x => x), ids.OrderBy(x => x));
    }

    [Fact]
    public void SameSeedGivesTheSameBlocksAndNeighboursAreDrawnUniformly()
    {
        var adjacency = RandomGraph(n: 300, maxDegree: 25, seed: 4);
        int[] targets = Enumerable.Range(0, 50).ToArray();
        var a = new NeighborSampler(adjacency, new[] { 3, 3 }, seed: 11);
        var b = new NeighborSampler(adjacency, new[] { 3, 3 }, seed: 11);
        for (int round = 0; round < 3; round++) AssertSameBatch(a.Sample(targets), b.Sample(targets));
        AssertSameBatch(a.Sample(targets, seed: 77), b.Sample(targets, seed: 77));
        var c = new NeighborSampler(adjacency, new[] { 3, 3 }, seed: 12).Sample(targets);
        Assert.NotEqual(a.Sample(targets, seed: 11).InputNodes, c.InputNodes);

        // One node with 10 in-neighbours, fan-out 3: each neighbour is drawn with probability 0.3.
        var star = CsrMatrix.FromCoo(11, 11, Enumerable.Repeat(0, 10).ToArray(), Enumerable.Range(1, 10).ToArray());
        var sampler = new NeighborSampler(star, new[] { 3 }, seed: 5);
        var counts = new int[11];
        const int trials = 4000;
        for (int t = 0; t < trials; t++)
        {
            var batch = sampler.Sample(new[] { 0 });
            var blk = batch.Blocks[0].Adjacency;
            foreach (int c2 in blk.ColIdx) counts[batch.InputNodes[c2]]++;
        }
        double sigma = Math.Sqrt(trials * 0.3 * 0.7);
        for (int v = 1; v <= 10; v++) Assert.InRange(counts[v], trials * 0.3 - 5 * sigma, trials * 0.3 + 5 * sigma);
    }

    [Fact]
    public void EdgeValuesTravelWithTheirEdges()
    {
        var pattern = RandomGraph(n: 100, maxDegree: 10, seed: 5);
        var values = new float[pattern.Nnz];
        var rows = pattern.RowIndices();
        for (int e = 0; e < values.Length; e++) values[e] = rows[e] * 1000 + pattern.ColIdx[e]; // encodes the edge
        var weighted = pattern.WithValues(values);
        var batch = new NeighborSampler(weighted, new[] { 2, 4 }, seed: 1).Sample(new[] { 10, 20, 30 });
        foreach (var block in batch.Blocks)
        {
            var a = block.Adjacency;
            Assert.NotNull(a.Values);
            for (int r = 0; r < a.Rows; r++)
                for (int e = a.RowPtr[r]; e < a.RowPtr[r + 1]; e++)
                    Assert.Equal(batch.InputNodes[r] * 1000 + batch.InputNodes[a.ColIdx[e]], a.Values![e]);
        }
    }

    [Fact]
    public void BadInputIsRejected()
    {
        var adjacency = RandomGraph(n: 20, maxDegree: 3, seed: 6);
        Assert.Throws<ArgumentOutOfRangeException>(() => new NeighborSampler(adjacency, new[] { -2 }, 0));
        Assert.Throws<ArgumentException>(() => new NeighborSampler(adjacency, Array.Empty<int>(), 0));
        var sampler = new NeighborSampler(adjacency, new[] { 2 }, 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => sampler.Sample(new[] { 20 }));
        var dup = Assert.Throws<ArgumentException>(() => sampler.Sample(new[] { 1, 2, 1 }));
        Assert.Contains("position 2", dup.Message);
        Assert.Throws<ArgumentException>(() => sampler.Sample(Array.Empty<int>()));
    }

    internal static void AssertSameBatch(SampledBatch x, SampledBatch y)
    {
        Assert.Equal(x.InputNodes, y.InputNodes);
        Assert.Equal(x.OutputNodes, y.OutputNodes);
        Assert.Equal(x.Blocks.Count, y.Blocks.Count);
        for (int l = 0; l < x.Blocks.Count; l++)
        {
            Assert.Equal(x.Blocks[l].Adjacency.RowPtr, y.Blocks[l].Adjacency.RowPtr);
            Assert.Equal(x.Blocks[l].Adjacency.ColIdx, y.Blocks[l].Adjacency.ColIdx);
        }
    }

    /// <summary>Random directed graph without duplicate edges; in-degrees vary from 0 to <paramref name="maxDegree"/>.</summary>
    internal static CsrMatrix RandomGraph(int n, int maxDegree, int seed)
    {
        var rng = new Random(seed);
        var rows = new List<int>(); var cols = new List<int>();
        for (int i = 0; i < n; i++)
        {
            int degree = rng.Next(maxDegree + 1);
            foreach (int j in Enumerable.Range(0, n).OrderBy(_ => rng.Next()).Take(degree)) { rows.Add(i); cols.Add(j); }
        }
        return CsrMatrix.FromCoo(n, n, rows.ToArray(), cols.ToArray());
    }
}
