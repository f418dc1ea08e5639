using System.Diagnostics;
using System.Text.Json.Nodes;
using Vigil.Core.Metrics;
using Vigil.Core.Results;

namespace Vigil.Bots.Benchmark;

/// <summary>
/// Runs the protocol: every method that can run on the dataset, once per seed; each run fits on train (selecting on
/// valid), scores the test users, is evaluated with bot as the positive class, and is written to the store as soon as
/// it finishes (with the per-user test scores of the first seed, for ROC curves). Cancellation is honoured between
/// runs and inside fits that watch it; a run cut short is not stored.
/// </summary>
public sealed class BenchmarkRunner(ResultsStore store, BenchmarkOptions options)
{
    public BenchmarkSweep Run(BenchmarkDataset dataset, IReadOnlyList<IBotDetector> detectors,
        IProgress<BenchmarkProgress>? progress = null, CancellationToken cancellation = default)
    {
        if (options.Seeds < 1) throw new ArgumentOutOfRangeException(nameof(options), $"Seeds must be at least 1, got {options.Seeds}.");
        var task = new BotDetectionTask(dataset.Data);
        var unsupported = new List<(string, string)>();
        var planned = new List<IBotDetector>();
        foreach (var detector in detectors)
        {
            var reason = detector.RequiresUserEdges && !task.HasUserEdges
                ? "the dataset has no user–user edges"
                : detector.Unsupported(task);
            if (reason is null) planned.Add(detector);
            else unsupported.Add((detector.Name, reason));
        }
        int total = planned.Count * options.Seeds, done = 0;
        foreach (var (method, reason) in unsupported) progress?.Report(new BenchmarkProgress(BenchmarkEvent.Unsupported, method, 0, done, total, reason));

        var versions = RunVersions.Describe();
        var ran = new List<RunRecord>();
        var resumed = new List<RunKey>();
        foreach (var detector in planned)
        {
            for (int s = 0; s < options.Seeds; s++)
            {
                cancellation.ThrowIfCancellationRequested();
                int seed = options.FirstSeed + s;
                var key = new RunKey(detector.Name, dataset.Hash, seed, RunRecord.HashOfConfig(detector.Config));
                if (options.Resume && store.Contains(key))
                {
                    resumed.Add(key);
                    progress?.Report(new BenchmarkProgress(BenchmarkEvent.Resumed, detector.Name, seed, ++done, total));
                    continue;
                }
                progress?.Report(new BenchmarkProgress(BenchmarkEvent.Started, detector.Name, seed, done, total));
                var (record, predictions) = RunOne(detector, task, dataset, seed, versions, keepPredictions: s == 0, cancellation);
                var id = store.Save(record, predictions, replace: true)!.Value;
                ran.Add(record with { Id = id });
                progress?.Report(new BenchmarkProgress(BenchmarkEvent.Finished, detector.Name, seed, ++done, total,
                    $"accuracy {record.Metrics.Accuracy:F4}, F1 {record.Metrics.F1:F4}, {record.TrainSeconds:F2} s"));
            }
        }
        return new BenchmarkSweep(ran, resumed, unsupported);
    }

    private static (RunRecord, List<ScoredSample>?) RunOne(IBotDetector detector, BotDetectionTask task, BenchmarkDataset dataset,
        int seed, string versions, bool keepPredictions, CancellationToken cancellation)
    {
        var memory = PeakMemoryProbe.Start();
        var clock = Stopwatch.StartNew();
        var fitted = detector.Fit(task, seed, cancellation);
        double trainSeconds = clock.Elapsed.TotalSeconds;
        cancellation.ThrowIfCancellationRequested();
        clock.Restart();
        var scores = fitted.Score(task.Test);
        double predictSeconds = clock.Elapsed.TotalSeconds;
        long peak = memory.PeakBytes();
        if (scores.Length != task.Test.Length)
            throw new InvalidOperationException($"{detector.Name} returned {scores.Length} scores for {task.Test.Length} test users.");
        var isBot = task.Labels(task.Test);
        var metrics = BinaryEvaluation.FromScores(isBot, scores, fitted.Threshold);
        var smoothness = fitted as IReportsSmoothness;
        var record = new RunRecord
        {
            Method = detector.Name,
            Family = detector.Family.Name(),
            Dataset = dataset.Name,
            DatasetHash = dataset.Hash,
            Seed = seed,
            Config = detector.Config,
            Metrics = metrics,
            TrainSeconds = trainSeconds,
            PredictSeconds = predictSeconds,
            PeakMemoryBytes = peak,
            Versions = versions,
            FinishedAt = DateTimeOffset.UtcNow,
            Layers = smoothness?.Layers,
            Mad = smoothness?.Mad,
        };
        // What the fit chose joins the stored config; the key keeps the method's configuration as given.
        if (fitted is IReportsFittedConfig chosen)
            record = record with { Config = WithFitted(detector.Config, chosen.FittedConfig), ConfigHash = record.ConfigHash };
        List<ScoredSample>? predictions = null;
        if (keepPredictions)
        {
            var ids = task.Dataset.Users.Ids;
            predictions = new List<ScoredSample>(scores.Length);
            for (int i = 0; i < scores.Length; i++) predictions.Add(new ScoredSample(ids[task.Test[i]], isBot[i] ? 1 : 0, scores[i]));
        }
        return (record, predictions);
    }

    /// <summary>The method's configuration object with what the fit chose added under "fitted".</summary>
    private static string WithFitted(string config, string fitted)
    {
        var node = JsonNode.Parse(config) as JsonObject
            ?? throw new InvalidOperationException($"A detector that reports a fitted configuration needs a JSON object as its configuration, got: {config}");
        node["fitted"] = JsonNode.Parse(fitted);
        return node.ToJsonString();
    }
}
