using Vigil.Core.Metrics;

namespace Vigil.Graphs.Training;

/// <summary>
/// One trained-and-evaluated model: metrics on the train/validation/test nodes at the selected epoch, the
/// over-smoothing of its output representations (MAD over all nodes, MADGap), timings and peak memory.
/// </summary>
public sealed record NodeClassificationResult
{
    public required string Dataset { get; init; }
    public required string Model { get; init; }
    public required int Layers { get; init; }
    public required int Seed { get; init; }
    public required int EpochsRun { get; init; }
    public required int BestEpoch { get; init; }
    public required ClassificationReport Train { get; init; }
    public required ClassificationReport Validation { get; init; }
    public required ClassificationReport Test { get; init; }
    public required double Mad { get; init; }
    public required double MadGap { get; init; }
    public required bool SmoothnessSampled { get; init; }
    public required double MedianEpochMilliseconds { get; init; }
    public required double TotalSeconds { get; init; }
    public required long PeakWorkingSetBytes { get; init; }
}
