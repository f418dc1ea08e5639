using Vigil.Safety.Policy;

namespace Vigil.Safety.Training.Grpo;

/// <summary>
/// Samples completions at the id level for RL rollouts: one completion per prompt, in order, drawn from the current
/// policy (the policy's KV-cached generator implements this). The same prompts and options (seed included) must give
/// the same completions, which exact resume relies on.
/// </summary>
public interface IRolloutSampler
{
    IReadOnlyList<GeneratedSequence> GenerateIds(IReadOnlyList<int[]> promptIds, SamplingOptions options);
}
