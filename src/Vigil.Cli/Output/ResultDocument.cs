using Vigil.Core.Metrics;
using Vigil.Graphs.Training;

namespace Vigil.Cli.Output;

/// <summary>The JSON shape of one training result (stable: scripts read test_accuracy and friends).</summary>
public sealed record ResultDocument(
    string Dataset, string Model, int Layers, int Seed, int EpochsRun, int BestEpoch,
    double TrainAccuracy, double ValAccuracy, double TestAccuracy,
    MetricsDocument Train, MetricsDocument Validation, MetricsDocument Test,
    double Mad, double MadGap, bool SmoothnessSampled,
    double MedianEpochMs, double TotalSeconds, double PeakMemoryMb)
{
    public static ResultDocument From(NodeClassificationResult r) => new(
        r.Dataset, r.Model, r.Layers, r.Seed, r.EpochsRun, r.BestEpoch,
        r.Train.Accuracy, r.Validation.Accuracy, r.Test.Accuracy,
        MetricsDocument.From(r.Train), MetricsDocument.From(r.Validation), MetricsDocument.From(r.Test),
        r.Mad, r.MadGap, r.SmoothnessSampled,
        r.MedianEpochMilliseconds, r.TotalSeconds, r.PeakWorkingSetBytes / 1048576.0);
}

public sealed record MetricsDocument(int Count, double Accuracy, double MacroF1, double MicroF1,
    double MacroPrecision, double MacroRecall, double Mcc, double RocAuc)
{
    public static MetricsDocument From(ClassificationReport r) => new(r.Count, r.Accuracy, r.MacroF1, r.MicroF1,
        r.MacroPrecision, r.MacroRecall, r.MatthewsCorrelation, r.RocAuc);
}
