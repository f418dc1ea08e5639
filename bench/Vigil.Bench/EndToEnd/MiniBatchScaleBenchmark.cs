using System.Diagnostics;
using System.Text.Json;
using TorchSharp;
using Vigil.Graphs.Data.Generators;
using Vigil.Graphs.Nn.Models;
using Vigil.Graphs.Training;

namespace Vigil.Bench.EndToEnd;

/// <summary>
/// Shows that a million-node graph trains inside the machine's memory: a random graph with 1M nodes, 10M edges and
/// 64 dense features, GraphSAGE (2 × 64) trained with neighbour sampling (fan-outs 15, 10; batch 1,024) for a few
/// epochs, then sampled inference over every node and sampled MAD/MADGap. Prints one JSON line: wall times and
/// the process's peak resident memory.
/// </summary>
public static class MiniBatchScaleBenchmark
{
    public sealed record Measurement(int Nodes, long Edges, int Features, int Epochs, double GenerateSeconds,
        double MedianEpochSeconds, double TotalSeconds, double TestAccuracy, double PeakRssMb);

    public static int Run(int nodes, long edges, int epochs)
    {
        torch.set_num_threads(Environment.ProcessorCount);
        var clock = Stopwatch.StartNew();
        var graph = RandomGraph.Generate(new RandomGraphOptions { Nodes = nodes, Edges = edges, FeatureDim = 64, Seed = 0 });
        double generate = clock.Elapsed.TotalSeconds;
        var result = NodeClassificationExperiment.Run(graph, new ExperimentOptions
        {
            Model = "sage",
            ModelOptions = new ModelOptions { Layers = 2, Hidden = 64 },
            Trainer = new TrainerOptions { Epochs = epochs, Patience = epochs, Seed = 0 },
            Fanouts = new[] { 15, 10 },
            BatchSize = 1024,
        }, new Progress(e => Console.Error.WriteLine($"[minibatch] epoch {e.Epoch}: loss {e.TrainLoss:F3}, {e.StepMilliseconds / 1000:F1} s")));
        var m = new Measurement(nodes, edges, 64, epochs, generate, result.MedianEpochMilliseconds / 1000,
            clock.Elapsed.TotalSeconds, result.Test.Accuracy, result.PeakWorkingSetBytes / 1048576.0);
        Console.Out.WriteLine(JsonSerializer.Serialize(m));
        return 0;
    }

    private sealed class Progress(Action<EpochStats> report) : IProgress<EpochStats>
    {
        public void Report(EpochStats value) => report(value);
    }
}
