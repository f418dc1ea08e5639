using System.Text.Json;
using Vigil.Bots.Baselines;
using Vigil.Bots.Benchmark;
using Vigil.Core.Results;

namespace Vigil.Tests.Bots.Benchmark;

/// <summary>A fit that chooses part of its configuration (GraTO's genotype) stores it with the run, under the method's key.</summary>
public sealed class FittedConfigTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), "vigil-fitted-" + Guid.NewGuid().ToString("N") + ".db");

    /// <summary>Efthimion's fit, reporting a per-seed "choice" as its fitted configuration.</summary>
    private sealed class ChoosingDetector(IBotDetector inner) : IBotDetector
    {
        public string Name => "Chooser";
        public DetectorFamily Family => inner.Family;
        public bool RequiresUserEdges => false;
        public string Config => """{"model":"chooser"}""";
        public string? Unsupported(BotDetectionTask task) => inner.Unsupported(task);
        public IFittedBotDetector Fit(BotDetectionTask task, int seed, CancellationToken cancellation) =>
            new Chosen(inner.Fit(task, seed, cancellation), seed);
    }

    private sealed class Chosen(IFittedBotDetector inner, int seed) : IFittedBotDetector, IReportsFittedConfig
    {
        public double Threshold => inner.Threshold;
        public double[] Score(int[] userRows) => inner.Score(userRows);
        public string FittedConfig => $$"""{"choice":{{seed * 10}}}""";
    }

    [Fact]
    public void The_fitted_choice_is_stored_in_the_run_config_and_the_seeds_share_the_methods_key()
    {
        var dataset = new BenchmarkDataset("profiles", "hash-profiles", SyntheticBots.Build(users: 300, seed: 8));
        var detector = new ChoosingDetector(BaselineCatalog.Select(["Efthimion"])[0]);
        using var store = ResultsStore.Open(_db);
        new BenchmarkRunner(store, new BenchmarkOptions { Seeds = 2 }).Run(dataset, [detector]);

        var runs = store.Runs();
        Assert.Equal(2, runs.Count);
        foreach (var run in runs)
        {
            using var config = JsonDocument.Parse(run.Config);
            Assert.Equal("chooser", config.RootElement.GetProperty("model").GetString());
            Assert.Equal(run.Seed * 10, config.RootElement.GetProperty("fitted").GetProperty("choice").GetInt32());
            Assert.Equal(RunRecord.HashOfConfig(detector.Config), run.ConfigHash);
        }
        var row = Assert.Single(Leaderboard.From(runs));
        Assert.Equal(2, row.Runs);

        var resumed = new BenchmarkRunner(store, new BenchmarkOptions { Seeds = 2, Resume = true }).Run(dataset, [detector]);
        Assert.Equal(2, resumed.Resumed.Count);
        Assert.Empty(resumed.Ran);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _db, _db + "-wal", _db + "-shm" }) if (File.Exists(f)) File.Delete(f);
    }
}
