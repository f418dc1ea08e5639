using GraphData = Vigil.Graphs.Data.Graph;
using Vigil.Graphs.Data;
using Vigil.Graphs.Data.Generators;
using Vigil.Graphs.IO;

namespace Vigil.Cli.Commands;

/// <summary>Loads the graph a command names, or generates the built-in default, and applies feature normalisation.</summary>
internal static class GraphLoading
{
    public static GraphData Load(string? path, int seed, string normalize)
    {
        var graph = path is null
            ? ContextualSbm.Generate(new ContextualSbmOptions { Seed = seed })
            : GraphNpz.Load(path);
        bool rowNormalize = normalize switch
        {
            "on" => true,
            "off" => false,
            // Row-normalising suits non-negative bag-of-words features (the GCN papers do it), not signed ones.
            _ => IsNonNegative(graph.Features),
        };
        return rowNormalize ? graph.WithFeatures(graph.Features.RowNormalized()) : graph;
    }

    private static bool IsNonNegative(FeatureMatrix f)
    {
        var values = f.Sparse is { } s ? s.Values : f.Dense;
        if (values is null) return true;
        foreach (var v in values) if (v < 0) return false;
        return true;
    }
}
