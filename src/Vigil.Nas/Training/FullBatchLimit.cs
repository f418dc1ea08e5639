namespace Vigil.Nas.Training;

/// <summary>
/// The documented size limit of NAS on one graph. The supernet and the genotype network train full batch: every
/// operation keeps an [N, hidden] float tensor per forward, and autograd keeps about as many again, so their memory
/// grows with nodes × hidden × operations. Neighbour sampling does not fit a cell whose edges read states from
/// earlier blocks over a graph DropEdge thins mid-forward, so instead of running out of memory half-way, a graph
/// whose estimate exceeds the limit is refused up front with the numbers (sample or partition it first, lower
/// the hidden width or the blocks, or raise the limit on a machine with more memory).
/// </summary>
public static class FullBatchLimit
{
    /// <summary>8 GiB: a third of a 24 GiB machine, leaving room for the graph, the features and the sparse caches.</summary>
    public const long DefaultMaxBytes = 8L << 30;

    /// <summary>Bytes of float activations for <paramref name="operations"/> [N, hidden] outputs kept for the backward pass.</summary>
    public static long Estimate(long nodes, int hidden, long operations) => nodes * hidden * operations * 2 * sizeof(float);

    /// <summary>Throws when the estimate for this graph exceeds <paramref name="maxBytes"/>.</summary>
    public static void Require(string graphName, long nodes, int hidden, long operations, long maxBytes, string what)
    {
        long bytes = Estimate(nodes, hidden, operations);
        if (bytes <= maxBytes) return;
        throw new ArgumentException(
            $"Graph '{graphName}' is too large for a full-batch {what}: {nodes:N0} nodes × {hidden} hidden × {operations:N0} operation outputs " +
            $"need about {bytes / (double)(1L << 30):F1} GiB of activations, over the limit of {maxBytes / (double)(1L << 30):F1} GiB. " +
            "Train on a sampled or partitioned subgraph, lower the hidden width or the blocks, or raise the limit (--memory-limit-gb).");
    }
}
