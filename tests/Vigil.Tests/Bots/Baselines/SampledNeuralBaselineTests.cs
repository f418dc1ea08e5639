using Vigil.Bots.Baselines;
using Vigil.Bots.Baselines.Graph;
using Vigil.Bots.Benchmark;
using Vigil.Bots.Generation;
using Vigil.Core.Metrics;

namespace Vigil.Tests.Bots.Baselines;

/// <summary>Graph baselines over the sampling threshold train on neighbour-sampled mini-batches and still learn.</summary>
[Collection(TorchGlobalRngCollection.Name)]
public class SampledNeuralBaselineTests
{
    private static readonly Lazy<BotDetectionTask> Generated = new(() =>
        new BotDetectionTask(BotDatasetGenerator.Generate(new BotDatasetGeneratorOptions { Users = 600, Seed = 2, TweetsPerUser = 4 })));

    // BotRGCN samples per relation (RelationalNeighborSampler), GCN the union graph (NeighborSampler).
    [Theory]
    [InlineData("BotRGCN")]
    [InlineData("GCN")]
    public void Sampled_training_learns_and_lands_close_to_full_batch(string method)
    {
        var task = Generated.Value;
        var full = (NeuralBaseline)BaselineCatalog.Select([method])[0];
        var sampled = full.WithSampling(new NeighborSampling { AboveUsers = 0, Fanout = 10, BatchSize = 64 });
        Assert.NotEqual(full.Config, sampled.Config);

        var (fullFit, fullMetrics) = Evaluate(full, task);
        var (sampledFit, sampledMetrics) = Evaluate(sampled, task);

        Assert.False(fullFit.Sampled);
        Assert.True(sampledFit.Sampled);
        double majority = task.Labels(task.Test).Count(b => !b) / (double)task.Test.Length;
        Assert.True(sampledMetrics.RocAuc > 0.8, $"{method} sampled: ROC-AUC {sampledMetrics.RocAuc:F3}");
        Assert.True(sampledMetrics.Accuracy >= majority, $"{method} sampled: accuracy {sampledMetrics.Accuracy:F3}, majority {majority:F3}");
        Assert.True(Math.Abs(sampledMetrics.Accuracy - fullMetrics.Accuracy) <= 0.05,
            $"{method}: sampled accuracy {sampledMetrics.Accuracy:F3}, full batch {fullMetrics.Accuracy:F3}");
        Assert.True(Math.Abs(sampledMetrics.RocAuc - fullMetrics.RocAuc) <= 0.05,
            $"{method}: sampled ROC-AUC {sampledMetrics.RocAuc:F3}, full batch {fullMetrics.RocAuc:F3}");
        Assert.Equal(2, sampledFit.Layers);
        Assert.InRange(sampledFit.Mad, 1e-6, 2.0);
    }

    [Fact]
    public void The_default_threshold_keeps_small_datasets_full_batch()
    {
        Assert.False(NeighborSampling.Default.Applies(3_000));
        Assert.True(NeighborSampling.Default.Applies(1_000_000));
        Assert.Throws<ArgumentException>(() => ((NeuralBaseline)BaselineCatalog.Select(["GCN"])[0]).WithSampling(new NeighborSampling { BatchSize = 0 }));
    }

    private static (FittedNeuralBaseline, BinaryEvaluation) Evaluate(IBotDetector detector, BotDetectionTask task)
    {
        var fitted = Assert.IsType<FittedNeuralBaseline>(detector.Fit(task, seed: 0, CancellationToken.None));
        return (fitted, BinaryEvaluation.FromScores(task.Labels(task.Test), fitted.Score(task.Test), fitted.Threshold));
    }
}
