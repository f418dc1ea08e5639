using Vigil.Core.Metrics;

namespace Vigil.Core.Results;

/// <summary>
/// One method on one dataset, over its stored seeds: each metric as mean ± std, and the mean training time and peak
/// memory. <see cref="Mad"/> and <see cref="Layers"/> are set for graph methods.
/// </summary>
public sealed record LeaderboardRow(
    string Method, string Family, string Dataset, string DatasetHash, string ConfigHash, int Runs,
    MeanStd Accuracy, MeanStd Precision, MeanStd Recall, MeanStd F1, MeanStd Mcc, MeanStd RocAuc,
    MeanStd TrainSeconds, MeanStd PeakMemoryMb, MeanStd? Mad, int? Layers);
