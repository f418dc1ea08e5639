using Vigil.Safety.Policy;
using Vigil.Safety.Training.Objectives;
using Vigil.Safety.Training.Optimization;

namespace Vigil.Safety.Training.Grpo;

/// <summary>
/// GRPO / CPGD settings. Defaults follow SafeLadder: 8 samples per prompt, the CPGD loss with ε = 0.2, k3 KL to the
/// frozen reference with coefficient 0.001, token-mean aggregation, one optimisation epoch per rollout batch.
/// </summary>
public sealed record GrpoOptions
{
    public int TotalSteps { get; init; } = 100;
    public int PromptsPerStep { get; init; } = 4;
    public int GroupSize { get; init; } = 8;
    /// <summary>Rollout rows per forward/backward pass; the loss is normalised over the whole batch either way.</summary>
    public int MicroBatchSize { get; init; } = 16;
    /// <summary>Optimiser updates per rollout batch (each a pass over all rollouts); 1 keeps the run on-policy.</summary>
    public int EpochsPerStep { get; init; } = 1;
    public PolicyLossKind Loss { get; init; } = PolicyLossKind.Cpgd;
    public double ClipEpsilon { get; init; } = PolicyLoss.DefaultClipEpsilon;
    public double KlCoefficient { get; init; } = KlEstimator.DefaultCoefficient;
    public LossAggregation Aggregation { get; init; } = LossAggregation.TokenMean;
    public double AdvantageEpsilon { get; init; } = GroupAdvantages.DefaultEpsilon;
    /// <summary>DAPO dynamic sampling: drop groups whose rewards are all equal (they carry no gradient).</summary>
    public bool DynamicSampling { get; init; }
    /// <summary>Soft overlong penalty added to the reward; null turns it off.</summary>
    public OverlongPenalty? Overlong { get; init; }
    /// <summary>Length reward among correct/safe answers (the safe-and-efficient stage); null turns it off.</summary>
    public LengthEfficiencyReward? LengthReward { get; init; }
    /// <summary>
    /// Weight of the supervised replay loss (InstructGPT's PPO-ptx): each update also lowers the token-mean
    /// cross-entropy of <see cref="ReplayExamplesPerStep"/> examples from the trainer's replay set, so that RL on some
    /// tasks does not erode a capability learnt in SFT. 0 (the default) turns it off.
    /// </summary>
    public double ReplayCoefficient { get; init; }
    public int ReplayExamplesPerStep { get; init; } = 16;
    public SamplingOptions Sampling { get; init; } = new() { MaxNewTokens = 64, Temperature = 1.0 };
    public OptimizerSettings Optimizer { get; init; } = new() { LearningRate = 1e-6 };
    public int Seed { get; init; } = 0;

    public int RolloutsPerStep => PromptsPerStep * GroupSize;

    public void Validate(string source = "grpo options")
    {
        if (TotalSteps < 1) throw new ArgumentOutOfRangeException(nameof(TotalSteps), $"{source}: steps must be ≥ 1, got {TotalSteps}.");
        if (PromptsPerStep < 1) throw new ArgumentOutOfRangeException(nameof(PromptsPerStep), $"{source}: prompts per step must be ≥ 1, got {PromptsPerStep}.");
        if (GroupSize < 2) throw new ArgumentOutOfRangeException(nameof(GroupSize), $"{source}: the group size must be ≥ 2 (advantages compare samples of one prompt), got {GroupSize}.");
        if (MicroBatchSize < 1) throw new ArgumentOutOfRangeException(nameof(MicroBatchSize), $"{source}: the micro-batch size must be ≥ 1, got {MicroBatchSize}.");
        if (EpochsPerStep < 1) throw new ArgumentOutOfRangeException(nameof(EpochsPerStep), $"{source}: epochs per step must be ≥ 1, got {EpochsPerStep}.");
        if (!(ClipEpsilon > 0 && ClipEpsilon < 1)) throw new ArgumentOutOfRangeException(nameof(ClipEpsilon), $"{source}: the clip ε must lie in (0, 1), got {ClipEpsilon}.");
        if (!(KlCoefficient >= 0) || !double.IsFinite(KlCoefficient)) throw new ArgumentOutOfRangeException(nameof(KlCoefficient), $"{source}: the KL coefficient must be a finite number ≥ 0, got {KlCoefficient}.");
        if (Sampling.MaxNewTokens < 1) throw new ArgumentOutOfRangeException(nameof(Sampling), $"{source}: max new tokens must be ≥ 1.");
        if (Overlong is { } o && (o.MaxLength < 1 || o.Buffer < 0 || o.Buffer > o.MaxLength || !(o.Penalty >= 0)))
            throw new ArgumentOutOfRangeException(nameof(Overlong), $"{source}: the overlong penalty needs max length ≥ 1, 0 ≤ buffer ≤ max length and penalty ≥ 0.");
        if (!(ReplayCoefficient >= 0) || !double.IsFinite(ReplayCoefficient)) throw new ArgumentOutOfRangeException(nameof(ReplayCoefficient), $"{source}: the replay coefficient must be a finite number ≥ 0, got {ReplayCoefficient}.");
        if (ReplayExamplesPerStep < 1) throw new ArgumentOutOfRangeException(nameof(ReplayExamplesPerStep), $"{source}: replay examples per step must be ≥ 1, got {ReplayExamplesPerStep}.");
        LengthReward?.Validate(source);
        Optimizer.Validate(source);
    }
}
