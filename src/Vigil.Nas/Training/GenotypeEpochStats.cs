namespace Vigil.Nas.Training;

/// <summary>One retraining epoch: training loss, validation loss, macro-F1, MAD, their harmonic mean, wall time.</summary>
public sealed record GenotypeEpochStats(int Epoch, double TrainLoss, double ValidationLoss, double ValidationMacroF1,
    double ValidationMad, double Score, double Milliseconds);
