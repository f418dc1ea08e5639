using Vigil.Core.Metrics;

namespace Vigil.Core.Results;

/// <summary>
/// Aggregates stored runs into <see cref="LeaderboardRow"/>s: one per method, dataset (content hash) and
/// configuration, ordered by dataset then by mean accuracy, best first.
/// </summary>
public static class Leaderboard
{
    public static IReadOnlyList<LeaderboardRow> From(IEnumerable<RunRecord> runs) =>
        runs.GroupBy(r => (r.Method, r.DatasetHash, r.ConfigHash))
            .Select(g => Row(g.OrderBy(r => r.Seed).ToList()))
            .OrderBy(r => r.Dataset, StringComparer.Ordinal)
            .ThenBy(r => r.DatasetHash, StringComparer.Ordinal)
            .ThenByDescending(r => r.Accuracy.Mean)
            .ThenBy(r => r.Method, StringComparer.Ordinal)
            .ToList();

    private static LeaderboardRow Row(List<RunRecord> runs)
    {
        var first = runs[0];
        MeanStd Of(Func<RunRecord, double> value) => MeanStd.Of(runs.Select(value));
        var mads = runs.Where(r => r.Mad.HasValue).Select(r => r.Mad!.Value).ToList();
        return new LeaderboardRow(first.Method, first.Family, first.Dataset, first.DatasetHash, first.ConfigHash, runs.Count,
            Of(r => r.Metrics.Accuracy), Of(r => r.Metrics.Precision), Of(r => r.Metrics.Recall), Of(r => r.Metrics.F1),
            Of(r => r.Metrics.Mcc), Of(r => r.Metrics.RocAuc), Of(r => r.TrainSeconds), Of(r => r.PeakMemoryBytes / 1048576.0),
            mads.Count > 0 ? MeanStd.Of(mads) : null, first.Layers);
    }
}
