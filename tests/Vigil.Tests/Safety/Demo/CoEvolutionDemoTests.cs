using Vigil.Safety.Rewards;
using Vigil.Safety.Demo;
using Vigil.Safety.Demo.Pipeline;
using Vigil.Safety.Policy.Checkpoints;

namespace Vigil.Tests.Safety.Demo;

[Collection(TorchGlobalRngCollection.Name)]
public class CoEvolutionDemoTests
{
    // The whole pipeline at toy size: every stage runs, writes its policy in Hugging Face layout, logs each RL step and
    // draws its plots; a resumed run reloads the pre-trained and SFT policies and so measures the SFT policy exactly alike.
    private static CoEvolutionDemoOptions Tiny => new()
    {
        Mix = new SafetyTaskMixOptions { HarmlessTrainCount = 24, HarmfulEvalCount = 3, HarmlessEvalCount = 3, XsTestUnsafeCount = 3, XsTestSafeCount = 3 },
        ArithmeticTrainCount = 40,
        ArithmeticHeldOutCount = 4,
        PretrainingExtraInstructions = 10,
        VocabularySize = 320,
        MaxSequenceTokens = 64,
        PretrainSteps = 2,
        SftSteps = 2,
        BatchSize = 4,
        MultiObjectiveSteps = 2,
        EfficiencySteps = 1,
        PromptsPerStep = 2,
        GroupSize = 2,
        MaxNewTokens = 12,
        EvaluateEvery = 1,
        CurveSubsetPerSet = 2,
        ProbePositions = 4,
    };

    [DataFileFact("safety", "refusal-direction", "splits", "harmful_train.json")]
    public void The_pipeline_runs_every_stage_and_resumes_from_the_saved_policies()
    {
        var directory = Path.Combine(Path.GetTempPath(), "vigil-demo-test-" + Guid.NewGuid().ToString("N"));
        var cache = Path.Combine(directory, "cache");
        try
        {
            var options = Tiny with { CacheDirectory = cache };
            var messages = new List<string>();
            var first = new CoEvolutionDemo(options, directory, messages.Add).Run();

            Assert.Equal(3, first.Rewards.Count);
            Assert.Equal(new[] { 1, 2, 3 }, first.Rewards.Select(r => r.Step));
            Assert.Equal(new[] { "m3-rl", "m3-rl", "safe-efficient" }, first.Rewards.Select(r => r.Stage));
            Assert.Equal(new[] { 0, 1, 2, 3 }, first.Curve.Select(c => c.Step));
            Assert.InRange(first.Sft.SafetyScore, 0, 1);
            Assert.InRange(first.Rl.SafetyScore, 0, 1);
            Assert.Equal(4, first.Sft.Sets.Count);
            Assert.Equal(4, first.Sft.ArithmeticCount);
            Assert.True(first.Parameters > 3_000_000, $"demo policy has {first.Parameters} parameters");
            foreach (var stage in new[] { "data", "tokenizer", "pretrain", "sft", "evaluate-sft", "rl-m3", "rl-efficient", "evaluate-rl" })
                Assert.Contains(first.Stages, s => s.Stage == stage);
            foreach (var policy in new[] { "base", "sft", "rl" })
            {
                Assert.True(File.Exists(Path.Combine(directory, policy, PolicyCheckpoint.ConfigFile)), policy);
                Assert.True(File.Exists(Path.Combine(directory, policy, "tokenizer.json")), policy);
            }
            Assert.True(File.Exists(Path.Combine(directory, DemoCharts.RewardFile)));
            Assert.True(File.Exists(Path.Combine(directory, DemoCharts.CoEvolutionFile)));
            Assert.Contains(messages, m => m.StartsWith("SFT policy: safety score", StringComparison.Ordinal));
            // Fresh safety prompts by default; equal thirds, as far as the tiny mix has problems (the RL half of its 40).
            var pool = Assert.Single(messages, m => m.StartsWith("RL prompts (fresh):", StringComparison.Ordinal));
            var counts = System.Text.RegularExpressions.Regex.Matches(pool, @"\d+").Select(m => int.Parse(m.Value)).ToArray();
            Assert.Equal(3, counts.Length);
            Assert.Equal(Math.Min(counts[0], 20), counts[2]);

            var resumed = new List<string>();
            var second = new CoEvolutionDemo(options, directory, resumed.Add).Run(resume: true);
            Assert.Contains(resumed, m => m.StartsWith("resume: loading", StringComparison.Ordinal) && m.EndsWith("sft", StringComparison.Ordinal));
            Assert.DoesNotContain(resumed, m => m.StartsWith("sft step", StringComparison.Ordinal));
            Assert.Equal(first.Sft.SafetyScore, second.Sft.SafetyScore);
            Assert.Equal(first.Sft.Sets.Select(s => s.Labels.Count), second.Sft.Sets.Select(s => s.Labels.Count));
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_length_reward_gate_outside_zero_to_one_is_refused(double gate)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => (Tiny with { LengthRewardGate = gate }).Validate());
        Assert.Contains("gate", e.Message);
        Assert.Contains("demo length reward", e.Message);
        (Tiny with { LengthRewardGate = 1.0 }).Validate();
    }

    [Theory]
    [InlineData(-0.2)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void An_arithmetic_share_outside_zero_to_one_is_refused(double share)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => (Tiny with { RlArithmeticShare = share }).Validate());
        Assert.Contains(nameof(CoEvolutionDemoOptions.RlArithmeticShare), e.Message);
        (Tiny with { RlArithmeticShare = 0 }).Validate();
    }

    /// <summary>The options with one of the shares that shape the fresh RL prompts set.</summary>
    private static CoEvolutionDemoOptions WithShare(string option, double share) => option switch
    {
        nameof(CoEvolutionDemoOptions.LookalikeHarmlessShare) => Tiny with { LookalikeHarmlessShare = share },
        nameof(CoEvolutionDemoOptions.RlQuestionShare) => Tiny with { RlQuestionShare = share },
        _ => throw new ArgumentException(option),
    };

    [Theory]
    [InlineData(nameof(CoEvolutionDemoOptions.LookalikeHarmlessShare), -0.1)]
    [InlineData(nameof(CoEvolutionDemoOptions.LookalikeHarmlessShare), 1.1)]
    [InlineData(nameof(CoEvolutionDemoOptions.LookalikeHarmlessShare), double.NaN)]
    [InlineData(nameof(CoEvolutionDemoOptions.RlQuestionShare), -0.1)]
    [InlineData(nameof(CoEvolutionDemoOptions.RlQuestionShare), 1.1)]
    [InlineData(nameof(CoEvolutionDemoOptions.RlQuestionShare), double.NaN)]
    public void A_fresh_prompt_share_outside_zero_to_one_is_refused(string option, double share)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => WithShare(option, share).Validate());
        Assert.Contains(option, e.Message);
        WithShare(option, 1).Validate();
    }

    [Theory]
    [InlineData(nameof(CoEvolutionDemoOptions.LookalikeHarmlessShare))]
    [InlineData(nameof(CoEvolutionDemoOptions.RlQuestionShare))]
    public void A_fresh_prompt_share_needs_fresh_RL_prompts(string option)
    {
        var e = Assert.Throws<ArgumentException>(() => (WithShare(option, 0.5) with { FreshRlPrompts = false }).Validate());
        Assert.Contains(option, e.Message);
        Assert.Contains("--rl-prompts sft", e.Message);
        (WithShare(option, 0) with { FreshRlPrompts = false }).Validate();
    }

    [Theory]
    [InlineData("\"safety\": { \"verifiers\": [ { \"name\": \"safe_behaviour\", \"weight\": 1 } ] }, \"harmless\": { \"verifiers\": [ { \"name\": \"normal\", \"weight\": 1 } ] }", "lacks math")]
    [InlineData("\"safety\": { \"verifiers\": [ { \"name\": \"no_such_verifier\", \"weight\": 1 } ] }, \"harmless\": { \"verifiers\": [ { \"name\": \"normal\", \"weight\": 1 } ] }, \"math\": { \"verifiers\": [ { \"name\": \"boxed_answer\", \"weight\": 1 } ] }", "no_such_verifier")]
    public void A_recipe_the_demo_cannot_use_fails_before_any_training(string labels, string message)
    {
        var directory = Path.Combine(Path.GetTempPath(), "vigil-demo-recipe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var recipe = Path.Combine(directory, "recipe.json");
            File.WriteAllText(recipe, "{ \"name\": \"broken\", \"labels\": { " + labels + " } }");
            var output = Path.Combine(directory, "out");
            var e = Assert.Throws<RewardRecipeException>(() => new CoEvolutionDemo(Tiny with { RecipePath = recipe }, output, _ => { }).Run());
            Assert.Contains(message, e.Message);
            Assert.False(Directory.Exists(Path.Combine(output, "base")));
            Assert.False(File.Exists(Path.Combine(output, "tokenizer.json")));
        }
        finally { Directory.Delete(directory, recursive: true); }
    }
}
