using Microsoft.Data.Sqlite;
using Vigil.Core.Metrics;
using Vigil.Core.Results;

namespace Vigil.Tests.Core.Results;

public sealed class ResultsStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vigil-results-" + Guid.NewGuid().ToString("N"));

    private string Db => Path.Combine(_folder, "runs.db");

    internal static RunRecord Run(string method = "Lee", int seed = 0, double accuracy = 0.9, string config = "{\"trees\":100}", double auc = 0.95,
        string dataset = "set", string hash = "abc123", int? layers = null, double? mad = null) => new()
    {
        Method = method,
        Family = "feature",
        Dataset = dataset,
        DatasetHash = hash,
        Seed = seed,
        Config = config,
        Metrics = new BinaryEvaluation(accuracy, 0.8, 0.7, 0.75, 0.6, auc, 7, 2, 9, 3),
        TrainSeconds = 0.25,
        PredictSeconds = 0.01,
        PeakMemoryBytes = 123 << 20,
        Versions = "test",
        FinishedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        Layers = layers,
        Mad = mad,
    };

    [Fact]
    public void A_run_and_its_scores_read_back_as_written_after_reopening()
    {
        var run = Run(layers: 2, mad: 0.42);
        ScoredSample[] scores = [new(5, 1, 0.9), new(3, 0, 0.2)];
        long id;
        using (var store = ResultsStore.Open(Db)) id = store.Save(run, scores)!.Value;
        using (var store = ResultsStore.Open(Db))
        {
            var back = Assert.Single(store.Runs());
            Assert.Equal(run with { Id = id }, back);
            Assert.Equal(scores.OrderBy(s => s.Id), store.Predictions(id));
            Assert.True(store.Contains(run.Key));
        }
    }

    [Fact]
    public void A_run_with_a_stored_key_is_kept_unless_replacing_and_never_stored_twice()
    {
        using var store = ResultsStore.Open(Db);
        Assert.NotNull(store.Save(Run(accuracy: 0.9), [new(1, 1, 0.8)]));
        Assert.Null(store.Save(Run(accuracy: 0.5)));
        Assert.Equal(0.9, Assert.Single(store.Runs()).Metrics.Accuracy);

        var replaced = store.Save(Run(accuracy: 0.7), replace: true)!.Value;
        var only = Assert.Single(store.Runs());
        Assert.Equal(0.7, only.Metrics.Accuracy);
        Assert.Empty(store.Predictions(replaced));

        // Any part of the key differing makes another run.
        store.Save(Run(seed: 1));
        store.Save(Run(config: "{\"trees\":50}"));
        store.Save(Run(hash: "other"));
        store.Save(Run(method: "Varol"));
        Assert.Equal(5, store.Runs().Count);
        Assert.Equal(5, store.Runs().Select(r => r.Key).Distinct().Count());
    }

    [Fact]
    public void An_undefined_roc_auc_round_trips_as_nan()
    {
        using var store = ResultsStore.Open(Db);
        store.Save(Run(auc: double.NaN));
        Assert.True(double.IsNaN(Assert.Single(store.Runs()).Metrics.RocAuc));
    }

    [Fact]
    public void A_database_from_a_newer_vigil_is_refused_with_its_version()
    {
        Directory.CreateDirectory(_folder);
        using (var connection = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA user_version = 99;";
            cmd.ExecuteNonQuery();
        }
        var e = Assert.Throws<InvalidDataException>(() => ResultsStore.Open(Db));
        Assert.Contains("99", e.Message);
        Assert.Contains(Db, e.Message);
    }

    [Fact]
    public void The_leaderboard_aggregates_seeds_into_mean_and_sample_std_best_first()
    {
        var rows = Leaderboard.From([
            Run("Lee", 0, 0.8), Run("Lee", 1, 0.9), Run("Lee", 2, 1.0),
            Run("Abreu", 0, 0.95), Run("Abreu", 1, 0.95),
        ]);
        Assert.Equal(["Abreu", "Lee"], rows.Select(r => r.Method));
        Assert.Equal(0.95, rows[0].Accuracy.Mean, 12);
        Assert.Equal(0, rows[0].Accuracy.Std);
        Assert.Equal(0.9, rows[1].Accuracy.Mean, 12);
        Assert.Equal(0.1, rows[1].Accuracy.Std, 12);
        Assert.Equal(3, rows[1].Runs);
        Assert.Equal(123, rows[1].PeakMemoryMb.Mean, 9);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
