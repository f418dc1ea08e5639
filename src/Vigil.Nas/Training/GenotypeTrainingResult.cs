using Vigil.Core.Metrics;

namespace Vigil.Nas.Training;

/// <summary>
/// One retrained genotype network at its selected epoch: metrics on train/validation/test, the over-smoothing of its
/// output logits over all nodes (MAD, MADGap; as <c>vigil graph train</c> reports them, so the numbers compare), the
/// selection score, epochs and time.
/// </summary>
public sealed record GenotypeTrainingResult
{
    public required int Seed { get; init; }
    public required int Blocks { get; init; }
    public required int BestEpoch { get; init; }
    public required int EpochsRun { get; init; }
    public required double ValidationScore { get; init; }
    public required ClassificationReport Train { get; init; }
    public required ClassificationReport Validation { get; init; }
    public required ClassificationReport Test { get; init; }
    public required double Mad { get; init; }
    public required double MadGap { get; init; }
    public required double Seconds { get; init; }
    public required IReadOnlyList<GenotypeEpochStats> History { get; init; }
}
