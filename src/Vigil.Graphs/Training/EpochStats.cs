namespace Vigil.Graphs.Training;

/// <summary>One epoch: training loss, validation loss and accuracy, and the wall time of the training step.</summary>
public sealed record EpochStats(int Epoch, double TrainLoss, double ValLoss, double ValAccuracy, double StepMilliseconds);
