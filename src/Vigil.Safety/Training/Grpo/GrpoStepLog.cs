namespace Vigil.Safety.Training.Grpo;

/// <summary>
/// One GRPO step, as the JSONL log records it. Rewards are means over all rollouts of the step (before dynamic
/// sampling); <see cref="RewardParts"/> holds each verifier's mean contribution; KL, entropy and clip fraction are
/// token means over the kept rollouts (KL and entropy from the first epoch, clip fraction over all epochs);
/// <see cref="ReplayLoss"/> is the supervised replay's cross-entropy before the update (0 without replay).
/// </summary>
public sealed record GrpoStepLog(
    int Step,
    double LearningRate,
    double MeanReward,
    IReadOnlyDictionary<string, double> RewardParts,
    double MeanOverlongPenalty,
    double MeanLengthReward,
    double Kl,
    double MeanCompletionLength,
    double Entropy,
    double ClipFraction,
    int KeptGroups,
    int Groups,
    double Loss,
    double GradientNorm,
    double Seconds,
    double TokensPerSecond,
    double ReplayLoss = 0);
