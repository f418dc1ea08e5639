using Vigil.Safety.Training.Optimization;

namespace Vigil.Safety.Training.Sft;

/// <summary>
/// Supervised fine-tuning settings. Each optimiser step sees <see cref="MicroBatchSize"/> × <see cref="GradientAccumulation"/>
/// examples; the loss is the mean over all their response tokens, whatever the split into micro-batches.
/// </summary>
public sealed record SftOptions
{
    public int TotalSteps { get; init; } = 100;
    public int MicroBatchSize { get; init; } = 8;
    public int GradientAccumulation { get; init; } = 1;
    public OptimizerSettings Optimizer { get; init; } = new() { LearningRate = 1e-4 };
    public int Seed { get; init; } = 0;

    public int ExamplesPerStep => MicroBatchSize * GradientAccumulation;

    public void Validate(string source = "sft options")
    {
        if (TotalSteps < 1) throw new ArgumentOutOfRangeException(nameof(TotalSteps), $"{source}: steps must be ≥ 1, got {TotalSteps}.");
        if (MicroBatchSize < 1) throw new ArgumentOutOfRangeException(nameof(MicroBatchSize), $"{source}: the micro-batch size must be ≥ 1, got {MicroBatchSize}.");
        if (GradientAccumulation < 1) throw new ArgumentOutOfRangeException(nameof(GradientAccumulation), $"{source}: gradient accumulation must be ≥ 1, got {GradientAccumulation}.");
        Optimizer.Validate(source);
    }
}
