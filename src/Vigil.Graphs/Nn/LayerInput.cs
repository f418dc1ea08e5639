using static TorchSharp.torch;

namespace Vigil.Graphs.Nn;

/// <summary>Shape checks and target slicing shared by the message-passing layers.</summary>
public static class LayerInput
{
    /// <summary>Throws unless <paramref name="rows"/> (the input's node count) equals the graph's source count.</summary>
    public static void RequireSources(string layer, long rows, MessageGraph g)
    {
        if (rows != g.NumSources)
            throw new ArgumentException($"{layer}: input has {rows} rows but the message graph has {g.NumSources} sources ({g.NumTargets} targets); pass one row per source node.");
    }

    /// <summary>Throws unless <paramref name="x"/> is 2-D with <paramref name="features"/> columns.</summary>
    public static void RequireFeatures(string layer, Tensor x, long features)
    {
        if (x.dim() != 2 || x.shape[1] != features)
            throw new ArgumentException($"{layer}: expected input of shape [nodes, {features}], got [{string.Join(", ", x.shape)}].");
    }

    /// <summary>The targets' own rows: by the block convention they are the first NumTargets sources.</summary>
    public static Tensor Targets(Tensor x, MessageGraph g) =>
        x.shape[0] == g.NumTargets ? x : x.narrow(0, 0, g.NumTargets);

    /// <summary>Throws when a layer that feeds its output back as input is given a bipartite block.</summary>
    public static void RequireSquareForRepeats(string layer, int steps, MessageGraph g)
    {
        if (steps > 1 && !g.IsSquare)
            throw new ArgumentException($"{layer}: {steps} propagation steps reuse the output as input, which needs a square (full-batch) graph; got a {g.NumTargets}×{g.NumSources} block.");
    }
}
