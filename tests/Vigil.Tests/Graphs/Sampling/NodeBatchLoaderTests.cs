using Vigil.Graphs.Sampling;

namespace Vigil.Tests.Graphs.Sampling;

public class NodeBatchLoaderTests
{
    [Fact]
    public void AnEpochCoversEveryNodeOnceInShuffledBatches()
    {
        var adjacency = NeighborSamplerTests.RandomGraph(n: 200, maxDegree: 6, seed: 1);
        int[] train = Enumerable.Range(0, 200).Where(i => i % 3 == 0).ToArray(); // 67 nodes
        var loader = new NodeBatchLoader(new NeighborSampler(adjacency, new[] { 3, 2 }, 0), train, batchSize: 16, seed: 8);
        var batches = loader.Epoch(0).ToList();
        Assert.Equal(5, loader.BatchCount);
        Assert.Equal(new[] { 16, 16, 16, 16, 3 }, batches.Select(b => b.OutputNodes.Length));
        var covered = batches.SelectMany(b => b.OutputNodes).ToArray();
        Assert.Equal(train, covered.OrderBy(x => x));
        Assert.NotEqual(train, covered); // shuffled
        Assert.Equal(loader.EpochOrder(0), covered);

        var dropLast = new NodeBatchLoader(new NeighborSampler(adjacency, new[] { 3, 2 }, 0), train, 16, 8, dropLast: true);
        Assert.Equal(4, dropLast.Epoch(0).Count());
    }

    [Fact]
    public void EpochsReplayExactlyAndEnumerationAdvancesTheEpoch()
    {
        var adjacency = NeighborSamplerTests.RandomGraph(n: 150, maxDegree: 8, seed: 2);
        int[] train = Enumerable.Range(0, 150).ToArray();
        NodeBatchLoader Make() => new(new NeighborSampler(adjacency, new[] { 4, 4 }, 0), train, 32, seed: 3);
        var loader = Make();
        var first = loader.ToList();   // epoch 0
        var second = loader.ToList();  // epoch 1
        Assert.NotEqual(first[0].OutputNodes, second[0].OutputNodes);
        var replay0 = Make().Epoch(0).ToList();
        var replay1 = Make().Epoch(1).ToList();
        for (int b = 0; b < first.Count; b++)
        {
            NeighborSamplerTests.AssertSameBatch(first[b], replay0[b]);
            NeighborSamplerTests.AssertSameBatch(second[b], replay1[b]);
        }
        var unshuffled = new NodeBatchLoader(new NeighborSampler(adjacency, new[] { 4 }, 0), train, 50, 3, shuffle: false);
        Assert.Equal(train, unshuffled.Epoch(0).SelectMany(b => b.OutputNodes));
    }

    [Fact]
    public void BadInputIsRejected()
    {
        var sampler = new NeighborSampler(NeighborSamplerTests.RandomGraph(10, 2, 0), new[] { 2 }, 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => new NodeBatchLoader(sampler, new[] { 1 }, 0, 0));
        Assert.Throws<ArgumentException>(() => new NodeBatchLoader(sampler, Array.Empty<int>(), 4, 0));
        Assert.Throws<ArgumentException>(() => new NodeBatchLoader(sampler, new[] { 1, 1 }, 4, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NodeBatchLoader(sampler, new[] { 10 }, 4, 0));
    }
}
