namespace Vigil.Safety.Training.Optimization;

/// <summary>AdamW, gradient clipping and the learning-rate schedule shared by the SFT and GRPO trainers.</summary>
public sealed record OptimizerSettings
{
    public double LearningRate { get; init; } = 1e-5;
    public double MinimumLearningRate { get; init; } = 0;
    public int WarmupSteps { get; init; } = 0;
    public double WeightDecay { get; init; } = 0.01;
    public double Beta1 { get; init; } = 0.9;
    public double Beta2 { get; init; } = 0.999;
    public double AdamEpsilon { get; init; } = 1e-8;
    /// <summary>Global L2 norm the gradients are clipped to before each update; 0 turns clipping off.</summary>
    public double MaxGradientNorm { get; init; } = 1.0;

    public LearningRateSchedule Schedule(int totalSteps) => new(LearningRate, WarmupSteps, totalSteps, MinimumLearningRate);

    public void Validate(string source)
    {
        Schedule(Math.Max(1, WarmupSteps + 1)).Validate(source);
        if (!(WeightDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(WeightDecay), $"{source}: weight decay must be ≥ 0, got {WeightDecay}.");
        if (!(Beta1 >= 0 && Beta1 < 1) || !(Beta2 >= 0 && Beta2 < 1)) throw new ArgumentOutOfRangeException(nameof(Beta1), $"{source}: Adam betas must lie in [0, 1).");
        if (!(AdamEpsilon > 0)) throw new ArgumentOutOfRangeException(nameof(AdamEpsilon), $"{source}: Adam epsilon must be > 0.");
        if (!(MaxGradientNorm >= 0)) throw new ArgumentOutOfRangeException(nameof(MaxGradientNorm), $"{source}: the gradient-norm limit must be ≥ 0, got {MaxGradientNorm}.");
    }
}
