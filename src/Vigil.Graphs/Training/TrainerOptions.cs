namespace Vigil.Graphs.Training;

/// <summary>Optimisation and model-selection settings shared by the full-batch and mini-batch trainers.</summary>
public sealed record TrainerOptions
{
    public int Epochs { get; init; } = 200;
    public double LearningRate { get; init; } = 0.01;
    /// <summary>L2 weight decay (Adam's coupled form, as the GCN/GAT/APPNP/GCNII papers use).</summary>
    public double WeightDecay { get; init; } = 5e-4;
    /// <summary>
    /// Weight decay for a model's dense (non-convolution) parameters when the model tells them apart, as GCNII
    /// does (0.01 on convolutions, 5e-4 on the input/output layers). Null: <see cref="WeightDecay"/> for all.
    /// </summary>
    public double? DenseWeightDecay { get; init; }
    /// <summary>Stop after this many epochs without a better validation accuracy or loss.</summary>
    public int Patience { get; init; } = 100;
    /// <summary>AdamW's decoupled weight decay instead of Adam's L2 penalty (BotRGCN's optimiser).</summary>
    public bool DecoupledWeightDecay { get; init; }
    public int Seed { get; init; }
    public ModelSelection Selection { get; init; } = ModelSelection.ValidationAccuracy;

    /// <summary>Whether an epoch with these validation numbers beats the best so far.</summary>
    internal bool IsBetter(double valAccuracy, double valLoss, double bestAccuracy, double bestLoss) => Selection switch
    {
        ModelSelection.ValidationLoss => valLoss < bestLoss,
        _ => valAccuracy > bestAccuracy || (valAccuracy == bestAccuracy && valLoss < bestLoss),
    };
}
