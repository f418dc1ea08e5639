using Vigil.Nas.Genotypes;

namespace Vigil.Nas.Search;

/// <summary>
/// One search epoch: the weight-step loss, the architecture-step (validation) loss, the supernet's validation
/// macro-F1 and MAD and their harmonic mean, the genotype α derives to, α itself (raw, [edges × operations]
/// row-major) and the epoch's wall time.
/// </summary>
public sealed record SearchEpochStats(
    int Epoch,
    double TrainLoss,
    double ArchitectureLoss,
    double ValidationMacroF1,
    double ValidationMad,
    double Score,
    Genotype Genotype,
    float[] Alpha,
    double Milliseconds);
