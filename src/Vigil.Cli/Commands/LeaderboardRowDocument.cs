using Vigil.Core.Metrics;
using Vigil.Core.Results;

namespace Vigil.Cli.Commands;

/// <summary>
/// The JSON shape of one leaderboard row (stable: scripts read it): method, family, dataset, and each metric as
/// <c>{"mean": .., "std": ..}</c> over the seeds.
/// </summary>
public sealed record LeaderboardRowDocument(
    string Method, string Family, string Dataset, string DatasetHash, int Runs,
    MeanStdDocument Accuracy, MeanStdDocument Precision, MeanStdDocument Recall, MeanStdDocument F1,
    MeanStdDocument Mcc, MeanStdDocument RocAuc, MeanStdDocument TrainSeconds, MeanStdDocument PeakMemoryMb,
    MeanStdDocument? Mad, int? Layers)
{
    public static LeaderboardRowDocument From(LeaderboardRow r) => new(r.Method, r.Family, r.Dataset, r.DatasetHash, r.Runs,
        MeanStdDocument.From(r.Accuracy), MeanStdDocument.From(r.Precision), MeanStdDocument.From(r.Recall), MeanStdDocument.From(r.F1),
        MeanStdDocument.From(r.Mcc), MeanStdDocument.From(r.RocAuc), MeanStdDocument.From(r.TrainSeconds), MeanStdDocument.From(r.PeakMemoryMb),
        r.Mad is { } mad ? MeanStdDocument.From(mad) : null, r.Layers);
}

public sealed record MeanStdDocument(double Mean, double Std)
{
    public static MeanStdDocument From(MeanStd m) => new(m.Mean, m.Std);
}
