using System.Diagnostics;
using System.Text.Json;
using Vigil.Bots.Baselines.Graph;
using Vigil.Bots.Benchmark;
using Vigil.Bots.Generation;
using Vigil.Graphs.Nn;
using Vigil.Graphs.Nn.Models;
using Vigil.Graphs.Sampling;
using Vigil.Graphs.Training;
using static TorchSharp.torch;

namespace Vigil.Bench.Bots;

/// <summary>
/// One neighbour-sampled training epoch of BotRGCN (the benchmark's settings: hidden 32, 2 R-GCN layers, dropout 0.1,
/// AdamW 1e-2 / 5e-2, <see cref="NeighborSampling"/>'s default fan-out and batch) on a generated TwiBot-22 dataset
/// held in memory: generation, feature extraction, the epoch (all its mini-batches), and the sampled validation
/// pass, with resident memory before training and the peak during it (the kernel's high-water mark is reset first;
/// glibc's mmap threshold fixed as in <c>vigil bench</c>).
/// Prints one JSON line.
/// </summary>
public static class SampledEpochBenchmark
{
    public sealed record Measurement(int Users, long Edges, int TrainUsers, int Batches, int Fanout, int BatchSize,
        double GenerateSeconds, double FeatureSeconds, double EpochSeconds, double ValidationSeconds,
        double RssBeforeTrainingMb, double PeakDuringTrainingMb, bool PeakIsPerRun, double ValidationAccuracy);

    public static int Run(int users, double tweetsPerUser, int seed)
    {
        // As vigil bench does, so resident memory follows the live tensors rather than glibc's retained heap.
        Vigil.Core.TorchProcessSettings.BoundHeapGrowth();
        var clock = Stopwatch.StartNew();
        var data = BotDatasetGenerator.Generate(new BotDatasetGeneratorOptions { Users = users, TweetsPerUser = tweetsPerUser, Seed = seed });
        var task = new BotDetectionTask(data);
        double generate = clock.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"[sampled-epoch] generated {users:N0} users in {generate:F1} s");

        clock.Restart();
        var inputs = UserGraphInputs.Of(task);
        var (matrix, widths) = inputs.Blocks(UserFeatureBlocks.All);
        double featureSeconds = clock.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"[sampled-epoch] features [{matrix.Rows:N0} × {matrix.Cols}] in {featureSeconds:F1} s");

        var sampling = NeighborSampling.Default;
        var relations = inputs.Relational.Relations!.Select(r => r.Adjacency).ToList();
        using var features = FeatureInput.From(matrix);
        manual_seed(seed);
        var model = NodeModels.Create("botrgcn", matrix.Cols, 2, new ModelOptions
        {
            Layers = 2, Hidden = 32, Dropout = 0.1, NumRelations = relations.Count, InputBranches = widths, Seed = seed,
        });
        var fanouts = sampling.Fanouts(model.MessagePassingDepth);
        var sampler = new RelationalNeighborSampler(relations, fanouts, seed);
        double rssBefore = ProcessMemory.CurrentMb();
        var probe = PeakMemoryProbe.Start();
        clock.Restart();
        var trainer = new MiniBatchTrainer(new TrainerOptions
        {
            Epochs = 1, LearningRate = 1e-2, WeightDecay = 5e-2, DecoupledWeightDecay = true, Seed = seed,
        }, fanouts, sampling.BatchSize);
        var outcome = trainer.Fit(model, features, sampler, inputs.Labels, task.Train, task.Valid, 2, data.Name);
        double epoch = outcome.History[0].StepMilliseconds / 1000;
        double peak = probe.PeakBytes() / (1024.0 * 1024.0);
        // Fit's time after the epoch: the sampled validation pass and the sampled inference over every user.
        double afterEpoch = clock.Elapsed.TotalSeconds - epoch;
        var m = new Measurement(users, inputs.Relational.Adjacency.Nnz, task.Train.Length,
            (task.Train.Length + sampling.BatchSize - 1) / sampling.BatchSize, sampling.Fanout, sampling.BatchSize,
            generate, featureSeconds, epoch, afterEpoch, rssBefore, peak, probe.IsPerRun, outcome.History[0].ValAccuracy);
        Console.Out.WriteLine(JsonSerializer.Serialize(m));
        model.Dispose();
        return 0;
    }
}
