namespace Vigil.Graphs.Nn.Models;

/// <summary>Maps a model's graph argument to the graph each message-passing layer uses.</summary>
public static class LayerGraphs
{
    /// <summary>
    /// One graph → every layer reuses it (full batch; must be square when there is more than one layer);
    /// <paramref name="depth"/> blocks → layer l uses blocks[l], and each block's sources must be the previous
    /// block's targets.
    /// </summary>
    public static IReadOnlyList<MessageGraph> PerLayer(string model, IReadOnlyList<MessageGraph> blocks, int depth)
    {
        if (blocks.Count == 1)
        {
            var g = blocks[0];
            if (depth > 1 && !g.IsSquare)
                throw new ArgumentException($"Model '{model}' reuses one graph in all {depth} layers, which needs a square graph; got a {g.NumTargets}×{g.NumSources} block. Pass {depth} sampled blocks instead.");
            var all = new MessageGraph[depth];
            Array.Fill(all, g);
            return all;
        }
        if (blocks.Count != depth)
            throw new ArgumentException($"Model '{model}' has {depth} message-passing layers: pass 1 graph (full batch) or {depth} sampled blocks (one per layer, outermost first), got {blocks.Count}.");
        for (int l = 1; l < depth; l++)
        {
            if (blocks[l].NumSources != blocks[l - 1].NumTargets)
                throw new ArgumentException($"Model '{model}': block {l} has {blocks[l].NumSources} sources but block {l - 1} has {blocks[l - 1].NumTargets} targets; each block's sources must be the previous block's targets.");
        }
        return blocks;
    }

    /// <summary>The single square graph of a model that only trains full batch; <paramref name="why"/> says why.</summary>
    public static MessageGraph FullBatch(string model, IReadOnlyList<MessageGraph> blocks, string why)
    {
        if (blocks.Count != 1 || !blocks[0].IsSquare)
        {
            string got = blocks.Count == 1 ? $"a {blocks[0].NumTargets}×{blocks[0].NumSources} block" : $"{blocks.Count} graphs";
            throw new ArgumentException($"Model '{model}' supports only full-batch training ({why}): pass exactly one square graph, got {got}.");
        }
        return blocks[0];
    }
}
