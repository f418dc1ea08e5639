using Microsoft.Data.Sqlite;
using Vigil.Bots.Baselines;
using Vigil.Bots.Benchmark;
using Vigil.Core.Metrics;
using Vigil.Core.Results;

namespace Vigil.Tests.Bots.Benchmark;

public sealed class BenchmarkRunnerTests : IDisposable
{
    private static readonly Lazy<BenchmarkDataset> ProfileOnly = new(() => new BenchmarkDataset("profiles", "hash-profiles", SyntheticBots.Build(users: 300, seed: 8)));
    private readonly string _db = Path.Combine(Path.GetTempPath(), "vigil-bench-" + Guid.NewGuid().ToString("N") + ".db");

    // Fast methods: logistic regression, one tree, AdaBoost stumps; Moghaddam to be skipped for lack of edges.
    private static IReadOnlyList<IBotDetector> Methods() => BaselineCatalog.Select(["Efthimion", "Santos", "Knauth", "Moghaddam"]);

    [Fact]
    public void Every_method_runs_once_per_seed_and_each_run_is_stored_with_test_metrics_computed_from_its_scores()
    {
        using var store = ResultsStore.Open(_db);
        var sweep = new BenchmarkRunner(store, new BenchmarkOptions { Seeds = 3 }).Run(ProfileOnly.Value, Methods());

        Assert.Equal(9, sweep.Ran.Count);
        var (method, reason) = Assert.Single(sweep.Unsupported);
        Assert.Equal("Moghaddam", method);
        Assert.Contains("user–user edges", reason);
        var stored = store.Runs();
        Assert.Equal(9, stored.Count);
        Assert.Equal(sweep.Ran.Select(r => r.Key).OrderBy(k => k.ToString()), stored.Select(r => r.Key).OrderBy(k => k.ToString()));
        var task = new BotDetectionTask(ProfileOnly.Value.Data);
        foreach (var run in stored)
        {
            Assert.Equal(task.Test.Length, run.Metrics.Count);
            Assert.Equal("feature", run.Family);
            Assert.True(run.PeakMemoryBytes > 0);
            Assert.True(run.TrainSeconds > 0);
            // Scores are kept for the first seed only; they reproduce the stored metrics.
            var scores = store.Predictions(run.Id);
            if (run.Seed != 0) { Assert.Empty(scores); continue; }
            Assert.Equal(task.Test.Length, scores.Count);
            var again = BinaryEvaluation.FromScores(scores.Select(s => s.Label == 1).ToArray(), scores.Select(s => s.Score).ToArray());
            Assert.Equal(run.Metrics, again);
            Assert.Equal(task.Test.Select(u => task.Dataset.Users.Ids[u]).Order(), scores.Select(s => s.Id));
        }
        // Deterministic methods show std 0 on the leaderboard.
        var rows = Leaderboard.From(stored);
        Assert.All(rows, r => Assert.Equal(3, r.Runs));
        Assert.All(rows, r => Assert.Equal(0, r.Accuracy.Std));
    }

    [Fact]
    public void Resume_skips_stored_runs_and_a_fresh_sweep_replaces_them()
    {
        using var store = ResultsStore.Open(_db);
        var methods = BaselineCatalog.Select(["Efthimion"]);
        new BenchmarkRunner(store, new BenchmarkOptions { Seeds = 2 }).Run(ProfileOnly.Value, methods);
        var first = store.Runs().Select(r => r.Id).ToList();

        var resumed = new BenchmarkRunner(store, new BenchmarkOptions { Seeds = 3, Resume = true }).Run(ProfileOnly.Value, methods);
        Assert.Equal(2, resumed.Resumed.Count);
        Assert.Equal([2], resumed.Ran.Select(r => r.Seed));
        Assert.Equal(first, store.Runs().Take(2).Select(r => r.Id));

        var fresh = new BenchmarkRunner(store, new BenchmarkOptions { Seeds = 3 }).Run(ProfileOnly.Value, methods);
        Assert.Equal(3, fresh.Ran.Count);
        Assert.Empty(fresh.Resumed);
        Assert.Equal(3, store.Runs().Count);
        Assert.DoesNotContain(store.Runs(), r => first.Contains(r.Id));
    }

    [Fact]
    public void A_sweep_stopped_after_some_runs_resumes_without_losing_or_repeating_a_run()
    {
        var options = new BenchmarkOptions { Seeds = 3 };
        var methods = Methods();
        int finished = 0;
        using var stop = new CancellationTokenSource();
        var progress = new Vigil.Cli.Output.SyncProgress<BenchmarkProgress>(p =>
        {
            if (p.Event == BenchmarkEvent.Finished && ++finished == 4) stop.Cancel();
        });
        List<(RunKey Key, long Id)> beforeResume;
        using (var store = ResultsStore.Open(_db))
        {
            Assert.ThrowsAny<OperationCanceledException>(() => new BenchmarkRunner(store, options).Run(ProfileOnly.Value, methods, progress, stop.Token));
            beforeResume = store.Runs().Select(r => (r.Key, r.Id)).ToList();
        }
        Assert.Equal(4, beforeResume.Count);

        using (var store = ResultsStore.Open(_db))
        {
            var sweep = new BenchmarkRunner(store, options with { Resume = true }).Run(ProfileOnly.Value, methods);
            Assert.Equal(4, sweep.Resumed.Count);
            Assert.Equal(5, sweep.Ran.Count);
            var after = store.Runs();
            Assert.Equal(9, after.Count);
            Assert.Equal(9, after.Select(r => r.Key).Distinct().Count());
            // The four finished before the stop are the same rows, not made again.
            foreach (var (key, id) in beforeResume) Assert.Equal(id, after.Single(r => r.Key == key).Id);
            var expected = new[] { "Efthimion", "Santos", "Knauth" }.SelectMany(m => Enumerable.Range(0, 3).Select(s => (m, s)));
            Assert.Equal(expected.Order(), after.Select(r => (r.Method, r.Seed)).Order());
        }
    }

    [Fact]
    public void A_dataset_without_both_classes_in_train_is_refused_by_name()
    {
        var data = SyntheticBots.Build(users: 20, seed: 1);
        for (int u = 0; u < data.Users.Count; u++) data.SetLabel(u, Vigil.Bots.Data.BotLabel.Human);
        var e = Assert.Throws<ArgumentException>(() => new BotDetectionTask(data));
        Assert.Contains(data.Name, e.Message);
        Assert.Contains("train", e.Message);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(_db + suffix); } catch (IOException) { }
    }
}
