using Vigil.Bots.Baselines;
using Vigil.Bots.Baselines.Graph;
using Vigil.Bots.Benchmark;
using Vigil.Bots.Generation;
using Vigil.Core.Metrics;

namespace Vigil.Tests.Bots.Baselines;

/// <summary>The text and graph baselines on a small generated TwiBot-22-format dataset (which has a follow graph).</summary>
[Collection(TorchGlobalRngCollection.Name)]
public class NeuralBaselineTests
{
    private static readonly Lazy<BotDetectionTask> Generated = new(() =>
        new BotDetectionTask(BotDatasetGenerator.Generate(new BotDatasetGeneratorOptions { Users = 600, Seed = 2, TweetsPerUser = 4 })));

    public static TheoryData<string> Methods => new() { "RoBERTa", "GCN", "GAT", "Alhosseini", "BotRGCN", "RGT", "SimpleHGN", "HGT" };

    [Theory]
    [MemberData(nameof(Methods))]
    public void Each_neural_baseline_beats_the_majority_class_and_reports_its_smoothness(string method)
    {
        var task = Generated.Value;
        var detector = BaselineCatalog.Select([method])[0];
        Assert.Null(detector.Unsupported(task));
        var fitted = detector.Fit(task, seed: 0, CancellationToken.None);
        var labels = task.Labels(task.Test);
        var metrics = BinaryEvaluation.FromScores(labels, fitted.Score(task.Test), fitted.Threshold);
        double majority = Math.Max(labels.Count(b => b), labels.Count(b => !b)) / (double)labels.Length;
        Assert.True(metrics.RocAuc > 0.8, $"{method}: ROC-AUC {metrics.RocAuc:F3}");
        Assert.True(metrics.Accuracy >= majority, $"{method}: accuracy {metrics.Accuracy:F3} below the majority share {majority:F3}");
        if (detector.Family == DetectorFamily.Graph)
        {
            var smooth = Assert.IsAssignableFrom<IReportsSmoothness>(fitted);
            Assert.Equal(2, smooth.Layers);
            Assert.InRange(smooth.Mad, 1e-6, 2.0);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_scores()
    {
        var task = Generated.Value;
        var detector = BaselineCatalog.Select(["BotRGCN"])[0];
        var a = detector.Fit(task, seed: 3, CancellationToken.None).Score(task.Test);
        var b = detector.Fit(task, seed: 3, CancellationToken.None).Score(task.Test);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Graph_baselines_decline_a_dataset_without_user_edges()
    {
        var task = new BotDetectionTask(Vigil.Tests.Bots.Benchmark.SyntheticBots.Build(users: 300, seed: 1));
        Assert.False(task.HasUserEdges);
        foreach (var name in new[] { "GCN", "BotRGCN", "RGT" })
            Assert.Contains("user–user edges", BaselineCatalog.Select([name])[0].Unsupported(task));
        // Profile-only data still has descriptions for the text baseline (its tweet block is then all zeros).
        Assert.Null(BaselineCatalog.Select(["RoBERTa"])[0].Unsupported(task));
        Assert.IsType<NeuralBaseline>(BaselineCatalog.Select(["RoBERTa"])[0]);
    }
}
