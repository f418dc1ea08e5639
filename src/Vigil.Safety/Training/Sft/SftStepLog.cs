namespace Vigil.Safety.Training.Sft;

/// <summary>One SFT optimiser step: mean response-token loss, the rate used, the gradient norm before clipping, throughput.</summary>
public sealed record SftStepLog(int Step, double Loss, double LearningRate, double GradientNorm, int ResponseTokens, double Seconds, double TokensPerSecond);
