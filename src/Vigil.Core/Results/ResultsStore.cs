using System.Globalization;
using Microsoft.Data.Sqlite;
using Vigil.Core.Metrics;

namespace Vigil.Core.Results;

/// <summary>
/// Benchmark runs in one embedded SQLite file. Each run is written in its own transaction as soon as it finishes,
/// together with its per-sample scores when given, so a sweep killed at any point leaves every finished run whole and
/// no half-written one. The table is unique on <see cref="RunKey"/>: a run is stored at most once.
/// </summary>
public sealed class ResultsStore : IDisposable
{
    private const int SchemaVersion = 1;
    private readonly SqliteConnection _connection;

    private ResultsStore(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    public string Path { get; }

    /// <summary>Opens the database at <paramref name="path"/>, creating the file and its tables when absent.</summary>
    public static ResultsStore Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        connection.Open();
        var store = new ResultsStore(connection, full);
        try
        {
            store.CreateSchema();
        }
        catch
        {
            store.Dispose();
            throw;
        }
        return store;
    }

    private void CreateSchema()
    {
        int version = Convert.ToInt32(Scalar("PRAGMA user_version;"), CultureInfo.InvariantCulture);
        if (version > SchemaVersion)
            throw new InvalidDataException($"Results database '{Path}' has schema version {version}; this Vigil reads up to {SchemaVersion}.");
        // WAL: a reader (vigil leaderboard) can look while a sweep writes; a killed writer loses no committed run.
        Execute("PRAGMA journal_mode=WAL;");
        Execute("""
            CREATE TABLE IF NOT EXISTS runs (
                id INTEGER PRIMARY KEY,
                method TEXT NOT NULL, family TEXT NOT NULL, dataset TEXT NOT NULL, dataset_hash TEXT NOT NULL,
                seed INTEGER NOT NULL, config TEXT NOT NULL, config_hash TEXT NOT NULL,
                accuracy REAL NOT NULL, precision REAL NOT NULL, recall REAL NOT NULL, f1 REAL NOT NULL, mcc REAL NOT NULL,
                roc_auc REAL, tp INTEGER NOT NULL, fp INTEGER NOT NULL, tn INTEGER NOT NULL, fn INTEGER NOT NULL,
                train_seconds REAL NOT NULL, predict_seconds REAL NOT NULL, peak_memory_bytes INTEGER NOT NULL,
                versions TEXT NOT NULL, finished_at TEXT NOT NULL, layers INTEGER, mad REAL,
                UNIQUE (method, dataset_hash, seed, config_hash));
            CREATE TABLE IF NOT EXISTS predictions (
                run_id INTEGER NOT NULL, sample_id INTEGER NOT NULL, label INTEGER NOT NULL, score REAL NOT NULL,
                PRIMARY KEY (run_id, sample_id)) WITHOUT ROWID;
            """);
        Execute($"PRAGMA user_version = {SchemaVersion};");
    }

    /// <summary>True when a run with this key is stored.</summary>
    public bool Contains(RunKey key)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT 1 FROM runs WHERE method = $m AND dataset_hash = $d AND seed = $s AND config_hash = $c;";
        cmd.Parameters.AddWithValue("$m", key.Method);
        cmd.Parameters.AddWithValue("$d", key.DatasetHash);
        cmd.Parameters.AddWithValue("$s", key.Seed);
        cmd.Parameters.AddWithValue("$c", key.ConfigHash);
        return cmd.ExecuteScalar() is not null;
    }

    /// <summary>
    /// Writes a run and its per-sample scores (when given) in one transaction and returns its row id. A run with the
    /// same key already stored is replaced when <paramref name="replace"/> is true (its scores too); otherwise the
    /// store is left as it was and the result is null.
    /// </summary>
    public long? Save(RunRecord run, IReadOnlyList<ScoredSample>? predictions = null, bool replace = false)
    {
        using var transaction = _connection.BeginTransaction();
        var key = run.Key;
        long? existing = ExistingId(key, transaction);
        if (existing is { } old)
        {
            if (!replace) return null;
            using var delete = _connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM predictions WHERE run_id = $id; DELETE FROM runs WHERE id = $id;";
            delete.Parameters.AddWithValue("$id", old);
            delete.ExecuteNonQuery();
        }
        long id = InsertRun(run, key, transaction);
        if (predictions is { Count: > 0 }) InsertPredictions(id, predictions, transaction);
        transaction.Commit();
        return id;
    }

    /// <summary>Every stored run, in the order they were written.</summary>
    public IReadOnlyList<RunRecord> Runs()
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = """
            SELECT id, method, family, dataset, dataset_hash, seed, config, accuracy, precision, recall, f1, mcc, roc_auc,
                   tp, fp, tn, fn, train_seconds, predict_seconds, peak_memory_bytes, versions, finished_at, layers, mad, config_hash
            FROM runs ORDER BY id;
            """;
        using var reader = cmd.ExecuteReader();
        var runs = new List<RunRecord>();
        while (reader.Read())
        {
            var run = new RunRecord
            {
                Id = reader.GetInt64(0),
                Method = reader.GetString(1),
                Family = reader.GetString(2),
                Dataset = reader.GetString(3),
                DatasetHash = reader.GetString(4),
                Seed = reader.GetInt32(5),
                Config = reader.GetString(6),
                Metrics = new BinaryEvaluation(reader.GetDouble(7), reader.GetDouble(8), reader.GetDouble(9), reader.GetDouble(10),
                    reader.GetDouble(11), reader.IsDBNull(12) ? double.NaN : reader.GetDouble(12),
                    reader.GetInt64(13), reader.GetInt64(14), reader.GetInt64(15), reader.GetInt64(16)),
                TrainSeconds = reader.GetDouble(17),
                PredictSeconds = reader.GetDouble(18),
                PeakMemoryBytes = reader.GetInt64(19),
                Versions = reader.GetString(20),
                FinishedAt = DateTimeOffset.Parse(reader.GetString(21), CultureInfo.InvariantCulture),
                Layers = reader.IsDBNull(22) ? null : reader.GetInt32(22),
                Mad = reader.IsDBNull(23) ? null : reader.GetDouble(23),
            };
            // A key hash of its own only where the stored config was extended after the fit (so records compare equal).
            var hash = reader.GetString(24);
            runs.Add(hash == run.ConfigHash ? run : run with { ConfigHash = hash });
        }
        return runs;
    }

    /// <summary>The per-sample scores stored with run <paramref name="runId"/> (empty when none were), by sample id.</summary>
    public IReadOnlyList<ScoredSample> Predictions(long runId)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT sample_id, label, score FROM predictions WHERE run_id = $id ORDER BY sample_id;";
        cmd.Parameters.AddWithValue("$id", runId);
        using var reader = cmd.ExecuteReader();
        var samples = new List<ScoredSample>();
        while (reader.Read()) samples.Add(new ScoredSample(reader.GetInt64(0), reader.GetInt32(1), reader.GetDouble(2)));
        return samples;
    }

    public void Dispose() => _connection.Dispose();

    private long? ExistingId(RunKey key, SqliteTransaction transaction)
    {
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = "SELECT id FROM runs WHERE method = $m AND dataset_hash = $d AND seed = $s AND config_hash = $c;";
        cmd.Parameters.AddWithValue("$m", key.Method);
        cmd.Parameters.AddWithValue("$d", key.DatasetHash);
        cmd.Parameters.AddWithValue("$s", key.Seed);
        cmd.Parameters.AddWithValue("$c", key.ConfigHash);
        return cmd.ExecuteScalar() is long id ? id : null;
    }

    private long InsertRun(RunRecord run, RunKey key, SqliteTransaction transaction)
    {
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = """
            INSERT INTO runs (method, family, dataset, dataset_hash, seed, config, config_hash, accuracy, precision, recall,
                f1, mcc, roc_auc, tp, fp, tn, fn, train_seconds, predict_seconds, peak_memory_bytes, versions, finished_at, layers, mad)
            VALUES ($method, $family, $dataset, $hash, $seed, $config, $config_hash, $acc, $p, $r, $f1, $mcc, $auc,
                $tp, $fp, $tn, $fn, $train, $predict, $memory, $versions, $finished, $layers, $mad)
            RETURNING id;
            """;
        var m = run.Metrics;
        cmd.Parameters.AddWithValue("$method", run.Method);
        cmd.Parameters.AddWithValue("$family", run.Family);
        cmd.Parameters.AddWithValue("$dataset", run.Dataset);
        cmd.Parameters.AddWithValue("$hash", run.DatasetHash);
        cmd.Parameters.AddWithValue("$seed", run.Seed);
        cmd.Parameters.AddWithValue("$config", run.Config);
        cmd.Parameters.AddWithValue("$config_hash", key.ConfigHash);
        cmd.Parameters.AddWithValue("$acc", m.Accuracy);
        cmd.Parameters.AddWithValue("$p", m.Precision);
        cmd.Parameters.AddWithValue("$r", m.Recall);
        cmd.Parameters.AddWithValue("$f1", m.F1);
        cmd.Parameters.AddWithValue("$mcc", m.Mcc);
        // SQLite has no NaN: an undefined AUC is stored as NULL.
        cmd.Parameters.AddWithValue("$auc", double.IsNaN(m.RocAuc) ? DBNull.Value : m.RocAuc);
        cmd.Parameters.AddWithValue("$tp", m.TruePositives);
        cmd.Parameters.AddWithValue("$fp", m.FalsePositives);
        cmd.Parameters.AddWithValue("$tn", m.TrueNegatives);
        cmd.Parameters.AddWithValue("$fn", m.FalseNegatives);
        cmd.Parameters.AddWithValue("$train", run.TrainSeconds);
        cmd.Parameters.AddWithValue("$predict", run.PredictSeconds);
        cmd.Parameters.AddWithValue("$memory", run.PeakMemoryBytes);
        cmd.Parameters.AddWithValue("$versions", run.Versions);
        cmd.Parameters.AddWithValue("$finished", run.FinishedAt.ToString("O", CultureInfo.InvariantCulture));
        cmd.Parameters.AddWithValue("$layers", run.Layers is { } l ? l : DBNull.Value);
        cmd.Parameters.AddWithValue("$mad", run.Mad is { } mad && !double.IsNaN(mad) ? mad : DBNull.Value);
        return (long)cmd.ExecuteScalar()!;
    }

    private void InsertPredictions(long runId, IReadOnlyList<ScoredSample> predictions, SqliteTransaction transaction)
    {
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = "INSERT INTO predictions (run_id, sample_id, label, score) VALUES ($run, $id, $label, $score);";
        var run = cmd.Parameters.Add("$run", SqliteType.Integer);
        var id = cmd.Parameters.Add("$id", SqliteType.Integer);
        var label = cmd.Parameters.Add("$label", SqliteType.Integer);
        var score = cmd.Parameters.Add("$score", SqliteType.Real);
        cmd.Prepare();
        run.Value = runId;
        foreach (var p in predictions)
        {
            id.Value = p.Id;
            label.Value = p.Label;
            score.Value = p.Score;
            cmd.ExecuteNonQuery();
        }
    }

    private object? Scalar(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    private void Execute(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
