using System.Diagnostics;
using System.Text.Json;
using TorchSharp;
using Vigil.Core;
using Vigil.Core.Sparse;
using Vigil.Graphs.Data;
using Vigil.Graphs.Data.Generators;
using Vigil.Graphs.IO;
using Vigil.Graphs.Nn;
using Vigil.Graphs.Nn.Models;
using static TorchSharp.torch;

namespace Vigil.Bench.EndToEnd;

/// <summary>
/// One end-to-end measurement, run in its own process so its peak memory is its own: load or generate the graph,
/// build the model, run full-batch training steps (forward, loss, backward, Adam step) and report the median step
/// time (after a warm-up that lets the JIT finish optimising) and the process's peak resident memory (VmHWM), as one JSON line on stdout.
/// </summary>
public static class EpochBenchmark
{
    public sealed record Measurement(string Graph, string Model, int Layers, int Hidden, int Nodes, long Edges, int Features,
        int Epochs, double MedianMs, double MinMs, double PeakRssMb, double SetupSeconds);

    public static int Run(string graphName, string model, int epochs)
    {
        var setup = Stopwatch.StartNew();
        torch.set_num_threads(Environment.ProcessorCount);
        torch.manual_seed(0);
        var graph = LoadGraph(graphName);
        bool large = graph.NumNodes > 100_000;
        var options = BenchmarkModelOptions(model, large);
        using var net = NodeModels.Create(model, graph.Features.Cols, graph.NumClasses, options);
        using var features = FeatureInput.From(graph.Features);
        var blocks = new[] { model == "rgcn" ? TwoRelations(graph.Adjacency) : new MessageGraph(graph.Adjacency) };
        var train = Graph.MaskIndices(graph.TrainMask).Select(i => (long)i).ToArray();
        using var trainIdx = tensor(train);
        using var labels = tensor(graph.Labels.Select(l => (long)l).ToArray()).index_select(0, trainIdx);
        using var optimizer = optim.Adam(net.parameters(), 0.01);
        setup.Stop();

        // Warm up past .NET's tiered JIT (a method is re-compiled optimised after ~30 calls, and a Cora step is
        // a few milliseconds, so 20 steps would time unoptimised kernels) but not for ages on big graphs:
        // at least 3 steps, then until 40 steps or 5 seconds.
        var clock = new Stopwatch();
        var warm = Stopwatch.StartNew();
        net.train();
        for (int step = 0; step < 3 || (step < 40 && warm.Elapsed.TotalSeconds < 5); step++) Step(net, features, blocks, trainIdx, labels, optimizer);
        var times = new List<double>();
        for (int e = 0; e < epochs; e++)
        {
            clock.Restart();
            Step(net, features, blocks, trainIdx, labels, optimizer);
            clock.Stop();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        var steady = times.OrderBy(t => t).ToArray();
        var m = new Measurement(graphName, model, net.MessagePassingDepth, options.Hidden ?? PaperDefaults.For(model).Hidden ?? 0,
            graph.NumNodes, graph.NumEdges, graph.Features.Cols, epochs, steady[steady.Length / 2], steady[0],
            PeakResidentMegabytes(), setup.Elapsed.TotalSeconds);
        Console.Out.WriteLine(JsonSerializer.Serialize(m));
        return 0;
    }

    private static void Step(NodeModel net, FeatureInput features, MessageGraph[] blocks, Tensor trainIdx, Tensor labels, optim.Optimizer optimizer)
    {
        // As the trainers do (FullBatchTrainer), and inside the timed step, so its cost is counted.
        using (var scope = NewDisposeScope())
        {
            optimizer.zero_grad();
            var logits = net.forward(features, blocks);
            var loss = nn.functional.cross_entropy(logits.index_select(0, trainIdx), labels);
            loss.backward();
            optimizer.step();
        }
        TorchGarbage.CollectAfterStep();
    }

    /// <summary>Cora: the paper settings. The 200k graph: hidden 64 for every model (GAT 8 heads × 8), two layers.</summary>
    private static ModelOptions BenchmarkModelOptions(string model, bool large) => model switch
    {
        "gcnii" => new ModelOptions { Layers = 64 },
        "gat" when large => new ModelOptions { Layers = 2, Hidden = 8, Heads = 8 },
        "rgcn" => new ModelOptions { Layers = 2, Hidden = large ? 64 : 16, NumRelations = 2 },
        "appnp" => new ModelOptions { Hidden = 64 },
        _ when large => new ModelOptions { Layers = 2, Hidden = 64 },
        _ => new ModelOptions { Layers = 2 },
    };

    private static Graph LoadGraph(string name) => name switch
    {
        "cora" => GraphNpz.Load(DataDirectory.FindFile("graphs", "cora.npz")
            ?? throw new FileNotFoundException("graphs/cora.npz not found in the shared data folder (set VIGIL_DATA)")),
        "random200k" => RandomGraph.Generate(new RandomGraphOptions { Nodes = 200_000, Edges = 2_000_000, FeatureDim = 64, Seed = 0 }),
        _ => throw new ArgumentException($"Unknown benchmark graph '{name}'; known: cora, random200k."),
    };

    /// <summary>Splits edges into two relations by direction (source &lt; target or not), like followers/following.</summary>
    private static MessageGraph TwoRelations(CsrMatrix a)
    {
        var rows = a.RowIndices();
        var (r0, c0, r1, c1) = (new List<int>(), new List<int>(), new List<int>(), new List<int>());
        for (int e = 0; e < a.Nnz; e++)
        {
            if (a.ColIdx[e] < rows[e]) { r0.Add(rows[e]); c0.Add(a.ColIdx[e]); }
            else { r1.Add(rows[e]); c1.Add(a.ColIdx[e]); }
        }
        return MessageGraph.FromRelations(new[]
        {
            CsrMatrix.FromCoo(a.Rows, a.Cols, r0.ToArray(), c0.ToArray()),
            CsrMatrix.FromCoo(a.Rows, a.Cols, r1.ToArray(), c1.ToArray()),
        });
    }

    private static double PeakResidentMegabytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
        return Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
    }
}
