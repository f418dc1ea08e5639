namespace Vigil.Graphs.Sampling;

/// <summary>
/// Samples the per-layer blocks of a mini-batch around target nodes: <see cref="NeighborSampler"/> over one
/// adjacency, <see cref="RelationalNeighborSampler"/> over several relations (blocks carrying per-relation graphs).
/// </summary>
public interface IBlockSampler
{
    /// <summary>Nodes of the sampled graph (targets are in [0, NodeCount)).</summary>
    int NodeCount { get; }

    /// <summary>Fan-out per layer, outermost first (one block per fan-out).</summary>
    IReadOnlyList<int> Fanouts { get; }

    /// <summary>Samples blocks for <paramref name="targets"/> reproducibly from <paramref name="seed"/> alone.</summary>
    SampledBatch Sample(ReadOnlySpan<int> targets, int seed);
}
