using System.Text.Json;
using Vigil.Bots.Baselines;
using Vigil.Bots.Baselines.Graph;
using Vigil.Bots.Benchmark;
using Vigil.Bots.Data;
using Vigil.Bots.Generation;
using Vigil.Core.Metrics;
using Vigil.Nas.Genotypes;

namespace Vigil.Tests.Bots.Baselines;

/// <summary>The GraTO-searched GNN on a small generated TwiBot-22-format dataset.</summary>
[Collection(TorchGlobalRngCollection.Name)]
public class GraToBaselineTests
{
    private static readonly BotDatasetGeneratorOptions Options = new() { Users = 600, Seed = 2, TweetsPerUser = 4 };
    private static readonly Lazy<BotDetectionTask> Generated = new(() => new BotDetectionTask(BotDatasetGenerator.Generate(Options)));

    [Fact]
    public void The_searched_network_learns_and_reports_its_genotype_depth_and_smoothness()
    {
        var task = Generated.Value;
        Assert.IsType<GraToBaseline>(BaselineCatalog.Select(["GraTO"])[0]);
        // The catalog's search and retraining, shortened to keep the test at seconds.
        var detector = new GraToBaseline(GraToBaseline.DefaultSearch with { Epochs = 6 }, GraToBaseline.DefaultRetraining with { Epochs = 30 });
        Assert.Equal(DetectorFamily.Graph, detector.Family);
        Assert.Null(detector.Unsupported(task));
        var fitted = Assert.IsType<FittedGraTo>(detector.Fit(task, seed: 0, CancellationToken.None));

        var labels = task.Labels(task.Test);
        var metrics = BinaryEvaluation.FromScores(labels, fitted.Score(task.Test), fitted.Threshold);
        double majority = labels.Count(b => !b) / (double)labels.Length;
        Assert.True(metrics.RocAuc > 0.8, $"GraTO: ROC-AUC {metrics.RocAuc:F3}");
        Assert.True(metrics.Accuracy >= majority, $"GraTO: accuracy {metrics.Accuracy:F3}, majority {majority:F3}");
        Assert.Equal(2, fitted.Layers);
        Assert.InRange(fitted.Mad, 1e-6, 2.0);

        // The fitted configuration carries the derived genotype, which parses back to the same cell.
        using var config = JsonDocument.Parse(fitted.FittedConfig);
        var genotype = Genotype.FromJson(config.RootElement.GetProperty("genotype").GetRawText());
        Assert.Equal(fitted.Genotype, genotype);
        Assert.Equal(3, genotype.Steps);
        Assert.InRange(config.RootElement.GetProperty("search_epoch").GetInt32(), 1, 6);
    }

    [Fact]
    public void Flipping_every_test_label_changes_nothing_the_search_and_retraining_produce()
    {
        var original = Generated.Value;
        var flippedData = BotDatasetGenerator.Generate(Options);
        foreach (var u in original.Test) flippedData.SetLabel(u, original.IsBot[u] ? BotLabel.Human : BotLabel.Bot);
        var flipped = new BotDetectionTask(flippedData);
        Assert.Equal(original.Test, flipped.Test);
        Assert.All(original.Test, u => Assert.NotEqual(original.IsBot[u], flipped.IsBot[u]));

        var detector = new GraToBaseline(GraToBaseline.DefaultSearch with { Epochs = 3 }, GraToBaseline.DefaultRetraining with { Epochs = 15 });
        var a = (FittedGraTo)detector.Fit(original, seed: 1, CancellationToken.None);
        var b = (FittedGraTo)detector.Fit(flipped, seed: 1, CancellationToken.None);
        Assert.Equal(a.Genotype, b.Genotype);
        Assert.Equal(a.Score(original.Test), b.Score(flipped.Test));
    }

    [Fact]
    public void A_dataset_too_large_for_the_full_batch_search_is_declined_with_the_numbers()
    {
        var detector = new GraToBaseline(GraToBaseline.DefaultSearch with { MaxActivationBytes = 1 << 20 });
        var reason = detector.Unsupported(Generated.Value);
        Assert.NotNull(reason);
        Assert.Contains("600 users", reason);
        Assert.Contains("GiB", reason);
    }
}
