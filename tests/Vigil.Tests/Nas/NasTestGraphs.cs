using TorchSharp;
using Vigil.Graphs.Data;
using Vigil.Graphs.Data.Generators;
using Vigil.Graphs.Nn;
using Vigil.Nas.Search;
using static TorchSharp.torch;

namespace Vigil.Tests.Nas;

/// <summary>Small generated graphs and tiny search networks for the NAS tests.</summary>
internal static class NasTestGraphs
{
    public static Graph Sbm(int nodes = 240, int classes = 3, int seed = 0, int trainPerClass = 20, int valPerClass = 30, double signal = 1.5) =>
        ContextualSbm.Generate(new ContextualSbmOptions
        {
            Nodes = nodes, Classes = classes, FeatureDim = 16, Seed = seed,
            TrainPerClass = trainPerClass, ValPerClass = valPerClass, FeatureSignal = signal,
        });

    /// <summary>A small space with message passing, a parameter-free operation and DropEdge.</summary>
    public static readonly string[] SmallSpace = ["gcn", "sage", "agnn", "identity", "drop-edge"];

    public static SuperNetOptions TinyNetwork => new() { Blocks = 2, Steps = 2, Hidden = 8 };

    public static SuperNet Network(Graph graph, Generator generator, IEnumerable<string>? operations = null, int blocks = 2) =>
        new(graph.Features.Cols, graph.NumClasses, new SearchSpace(operations ?? SmallSpace), TinyNetwork with { Blocks = blocks }, generator);

    /// <summary>The same graph with every label outside the training set changed.</summary>
    public static Graph ScrambleOutside(Graph graph, bool[] keep)
    {
        var labels = (int[])graph.Labels.Clone();
        for (int i = 0; i < labels.Length; i++)
            if (!keep[i]) labels[i] = (labels[i] + 1 + i % 2) % graph.NumClasses;
        return new Graph(graph.Name, graph.Adjacency, graph.Features, labels, graph.TrainMask, graph.ValMask, graph.TestMask, graph.NumClasses);
    }

    /// <summary>Sets α to <paramref name="scale"/>·N(0, 1) noise so that the softmax weights differ clearly.</summary>
    public static void RandomizeAlpha(SuperNet net, double scale, int seed)
    {
        using var _ = no_grad();
        net.Alpha.copy_(randn(net.Alpha.shape, generator: new Generator((ulong)seed)) * scale);
    }

    public static double CosineSimilarity(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.Length; i++) { dot += (double)a[i] * b[i]; na += (double)a[i] * a[i]; nb += (double)b[i] * b[i]; }
        return dot / Math.Sqrt(na * nb);
    }

    public static float[] Values(Tensor t) => t.detach().contiguous().data<float>().ToArray();

    public static MessageGraph MessageGraphOf(Graph g) => new(g.Adjacency);
}

internal sealed class InlineSearchProgress(Action<SearchEpochStats> report) : IProgress<SearchEpochStats>
{
    public void Report(SearchEpochStats value) => report(value);
}
