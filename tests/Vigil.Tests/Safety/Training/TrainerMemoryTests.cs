using TorchSharp;
using Vigil.Safety.Policy;
using Vigil.Safety.Policy.Generation;
using Vigil.Safety.Policy.Model;
using Vigil.Safety.Training.Grpo;
using Vigil.Safety.Training.Optimization;
using Vigil.Safety.Training.Sft;
using Vigil.Tests.Safety.Policy;

namespace Vigil.Tests.Safety.Training;

/// <summary>The trainers dispose every step's tensors: the live tensor count is the same after step 3 and step 8.</summary>
[Collection(TorchGlobalRngCollection.Name)]
public sealed class TrainerMemoryTests
{
    private sealed class Rollouts(PolicyTextGenerator generator) : IRolloutSampler
    {
        public IReadOnlyList<GeneratedSequence> GenerateIds(IReadOnlyList<int[]> promptIds, SamplingOptions options) => generator.GenerateIds(promptIds, options);
    }

    [Fact]
    public void Grpo_on_the_transformer_policy_keeps_the_live_tensor_count_flat()
    {
        using var policy = TinyPolicies.Create(TransformerConfig.Qwen2, seed: 1);
        using var reference = TinyPolicies.Create(TransformerConfig.Qwen2, seed: 1);
        var tokenizer = new CharTokenizer();
        var options = new GrpoOptions
        {
            TotalSteps = 8, PromptsPerStep = 2, GroupSize = 3, MicroBatchSize = 4, EpochsPerStep = 2,
            Sampling = new SamplingOptions { MaxNewTokens = 5 }, Optimizer = new OptimizerSettings { LearningRate = 1e-3 },
        };
        var live = new Dictionary<int, long>();
        using var trainer = new GrpoTrainer(policy, reference, new Rollouts(new PolicyTextGenerator(policy, tokenizer)), GrpoTrainerTests.Rewards(),
            GrpoTrainerTests.Prompts, options, tokenizer.PaddingId);
        trainer.Train(onStep: log => live[log.Step] = DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        Assert.True(live[3] == live[8], string.Join(", ", live.Select(kv => $"{kv.Key}:{kv.Value}")));
    }

    [Fact]
    public void Sft_on_the_transformer_policy_keeps_the_live_tensor_count_flat()
    {
        using var policy = TinyPolicies.Create(TransformerConfig.Llama, seed: 2);
        var data = Enumerable.Range(0, 6).Select(i => new SftExample(new[] { 3 + i, 4 }, new[] { 5, 6 + i, 2 })).ToArray();
        var live = new Dictionary<int, long>();
        using var trainer = new SftTrainer(policy, data, new SftOptions { TotalSteps = 8, MicroBatchSize = 2, GradientAccumulation = 2 }, paddingId: 0);
        trainer.Train(onStep: log => live[log.Step] = DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        Assert.Equal(live[3], live[8]);
    }
}
