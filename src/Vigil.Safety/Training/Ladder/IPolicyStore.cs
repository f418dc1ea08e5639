using Vigil.Safety.Policy;
using Vigil.Safety.Training.Grpo;

namespace Vigil.Safety.Training.Ladder;

/// <summary>A policy the ladder trains: the model, its tokenizer and the rollout sampler drawing from it.</summary>
public sealed record LadderPolicy(ICausalLanguageModel Model, ITextTokenizer Tokenizer, IRolloutSampler Sampler);

/// <summary>
/// Opens and saves whole policies in the store's directory layout (for the transformer policy: Hugging Face
/// config, safetensors and tokenizer). The ladder saves each stage's final policy through it, so the next stage, the
/// reference model and any later evaluation open it the same way.
/// </summary>
public interface IPolicyStore
{
    LadderPolicy Open(string directory);

    void Save(LadderPolicy policy, string directory);
}
