using Vigil.Safety.Verification;

namespace Vigil.Safety.Rewards;

/// <summary>A training sample to reward: its recipe label (safety, knowledge, …) and the item the verifiers judge.</summary>
public sealed record RewardSample(string Label, VerificationInput Input);
