using System.Collections;

namespace Vigil.Graphs.Sampling;

/// <summary>
/// Mini-batches of sampled blocks over a set of node ids (e.g. the training nodes). Each epoch shuffles the ids
/// with a seed derived from (seed, epoch) and samples batch b with a seed derived from (seed, epoch, b), so
/// <see cref="Epoch"/> replays any epoch exactly, independent of what was sampled before. Enumerating the loader
/// itself runs epochs 0, 1, 2, … on successive enumerations, reshuffling each time as a training loop expects.
/// </summary>
public sealed class NodeBatchLoader : IEnumerable<SampledBatch>
{
    private readonly IBlockSampler _sampler;
    private readonly int[] _nodes;
    private readonly int _seed;
    private int _nextEpoch;

    public int BatchSize { get; }
    public bool Shuffle { get; }
    /// <summary>Whether a final batch smaller than <see cref="BatchSize"/> is skipped.</summary>
    public bool DropLast { get; }
    public int NodeCount => _nodes.Length;
    public int BatchCount => DropLast ? _nodes.Length / BatchSize : (_nodes.Length + BatchSize - 1) / BatchSize;

    public NodeBatchLoader(IBlockSampler sampler, int[] nodes, int batchSize, int seed, bool shuffle = true, bool dropLast = false)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), $"Batch size must be at least 1, got {batchSize}.");
        if (nodes.Length == 0) throw new ArgumentException("The loader needs at least one node id.");
        int n = sampler.NodeCount;
        var seen = new bool[n];
        for (int k = 0; k < nodes.Length; k++)
        {
            int v = nodes[k];
            if ((uint)v >= (uint)n) throw new ArgumentOutOfRangeException(nameof(nodes), $"Node {v} at position {k} is outside [0, {n}).");
            if (seen[v]) throw new ArgumentException($"Node {v} at position {k} appears more than once.");
            seen[v] = true;
        }
        _sampler = sampler; _nodes = (int[])nodes.Clone(); _seed = seed;
        BatchSize = batchSize; Shuffle = shuffle; DropLast = dropLast;
    }

    /// <summary>The node order of <paramref name="epoch"/> (shuffled unless <see cref="Shuffle"/> is off).</summary>
    public int[] EpochOrder(int epoch)
    {
        var order = (int[])_nodes.Clone();
        if (Shuffle) new Random(SeedMixer.Mix(_seed, epoch)).Shuffle(order);
        return order;
    }

    /// <summary>The batches of <paramref name="epoch"/>, sampled lazily one at a time.</summary>
    public IEnumerable<SampledBatch> Epoch(int epoch)
    {
        var order = EpochOrder(epoch);
        for (int b = 0; b < BatchCount; b++)
        {
            int start = b * BatchSize;
            int count = Math.Min(BatchSize, order.Length - start);
            yield return _sampler.Sample(order.AsSpan(start, count), SeedMixer.Mix(_seed, epoch, b + 1));
        }
    }

    public IEnumerator<SampledBatch> GetEnumerator() => Epoch(_nextEpoch++).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
