using Vigil.Bots.Statistics;

namespace Vigil.Cli.Commands;

/// <summary>The JSON shape of <c>vigil bots stats --json</c>.</summary>
public sealed record BotsStatsDocument(
    string Name, string Directory, string Layout,
    long BytesRead, double ReadSeconds, double ReadMbPerSecond, double PeakMemoryMb, long ProblemsSkipped,
    IReadOnlyDictionary<string, int> Entities, IReadOnlyDictionary<string, int> Relations,
    LabelCounts Labels, IReadOnlyDictionary<string, LabelCounts> Splits,
    long FollowEdges, BotsDegreeDocument FollowDegree)
{
    public static BotsStatsDocument From(BotDatasetStatistics s, string directory, long bytes, double seconds, double peakMb, long skipped) => new(
        s.Name, directory, s.Layout.ToString(), bytes, seconds, seconds > 0 ? bytes / 1e6 / seconds : 0, peakMb, skipped,
        s.Entities, s.Relations, s.Labels, s.Splits, s.FollowEdges,
        new BotsDegreeDocument(s.FollowOutDegree, s.FollowInDegree, s.FollowDegree));
}

public sealed record BotsDegreeDocument(DegreeSummary Out, DegreeSummary In, DegreeSummary Total);
