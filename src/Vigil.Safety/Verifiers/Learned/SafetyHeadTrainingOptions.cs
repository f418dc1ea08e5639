namespace Vigil.Safety.Verifiers.Learned;

/// <summary>Settings of <see cref="SafetyHeadTrainer"/>.</summary>
public sealed record SafetyHeadTrainingOptions
{
    public int Hidden { get; init; } = 128;
    public int Epochs { get; init; } = 40;
    public int BatchSize { get; init; } = 64;
    public double LearningRate { get; init; } = 1e-3;
    public double WeightDecay { get; init; } = 1e-2;
    public double Dropout { get; init; } = 0.3;
    public int Seed { get; init; }
    /// <summary>Weight each class's loss by 1/√frequency so rare classes are not drowned; false trains on the plain mean loss.</summary>
    public bool ClassWeights { get; init; } = true;
    /// <summary>Heads trained with seeds Seed, Seed + 1, …, whose probabilities are averaged (<see cref="SafetyHeadEnsemble"/>).</summary>
    public int Members { get; init; } = 1;

    internal void Validate()
    {
        if (Hidden < 1) throw new ArgumentOutOfRangeException(nameof(Hidden), $"Hidden width must be at least 1, got {Hidden}.");
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), $"Epochs must be at least 1, got {Epochs}.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), $"Batch size must be at least 1, got {BatchSize}.");
        if (!(LearningRate > 0)) throw new ArgumentOutOfRangeException(nameof(LearningRate), $"Learning rate must be positive, got {LearningRate}.");
        if (!(WeightDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(WeightDecay), $"Weight decay must be non-negative, got {WeightDecay}.");
        if (Members < 1) throw new ArgumentOutOfRangeException(nameof(Members), $"An ensemble needs at least one member, got {Members}.");
        if (!(Dropout >= 0 && Dropout < 1)) throw new ArgumentOutOfRangeException(nameof(Dropout), $"Dropout must lie in [0, 1), got {Dropout}.");
    }
}
