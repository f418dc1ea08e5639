using Vigil.Safety.Policy;
using Vigil.Safety.Rewards;
using Vigil.Safety.Training;
using Vigil.Safety.Training.Grpo;
using Vigil.Safety.Training.Objectives;
using Vigil.Safety.Training.Optimization;
using Vigil.Safety.Training.Sft;
using Vigil.Safety.Verification;
using Vigil.Safety.Verifiers.Rules;

namespace Vigil.Tests.Safety.Training;

/// <summary>Rule reward for the fixture: the share of completion tokens that are "3".</summary>
internal sealed class SaysThreeVerifier : SyncVerifier
{
    public override string Name => "says_three";

    public override Verdict VerifyOne(VerificationInput input)
    {
        var tokens = input.Response.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Verdict.Of(tokens.Length == 0 ? 0 : tokens.Count(t => t == "3") / (double)tokens.Length, "share", "");
    }
}

[Collection(TorchGlobalRngCollection.Name)]
public sealed class GrpoTrainerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-grpo-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    internal static RewardModel Rewards() => new(
        RewardRecipe.Parse("""{ "name": "threes", "labels": { "count": { "verifiers": [ { "name": "says_three", "weight": 1 } ] } } }"""),
        new IVerifier[] { new SaysThreeVerifier() });

    internal static readonly GrpoPrompt[] Prompts = { new("a", new[] { 2 }, "count"), new("b", new[] { 4 }, "count"), new("c", new[] { 5, 6 }, "count") };

    private static GrpoOptions Options(PolicyLossKind loss = PolicyLossKind.Cpgd, int epochs = 1) => new()
    {
        TotalSteps = 16, PromptsPerStep = 2, GroupSize = 8, MicroBatchSize = 6, EpochsPerStep = epochs, Loss = loss,
        KlCoefficient = 0.001, DynamicSampling = true, Overlong = new OverlongPenalty(4, 1, 0.1),
        Sampling = new SamplingOptions { MaxNewTokens = 4 },
        Optimizer = new OptimizerSettings { LearningRate = 0.1, MaxGradientNorm = 1.0 },
        Seed = 5,
    };

    [Theory]
    [InlineData(PolicyLossKind.Cpgd, 1)]
    [InlineData(PolicyLossKind.PpoClip, 2)]
    public void A_short_run_raises_the_rule_reward(PolicyLossKind loss, int epochs)
    {
        var policy = new TinyCausalLm(8, 8, seed: 2);
        var reference = new TinyCausalLm(8, 8, seed: 2);
        var logs = new List<GrpoStepLog>();
        using (var trainer = new GrpoTrainer(policy, reference, new TinySampler(policy), Rewards(), Prompts, Options(loss, epochs), paddingId: 0))
            trainer.Train(onStep: logs.Add);
        double before = logs.Take(4).Average(l => l.RewardParts["says_three"]);
        double after = logs.TakeLast(4).Average(l => l.RewardParts["says_three"]);
        Assert.True(after > before + 0.2, $"reward {before:F3} → {after:F3}");
        Assert.All(logs, l => Assert.InRange(l.KeptGroups, 0, 2));
        Assert.Contains(logs, l => l.Kl > 0);
        if (epochs > 1) Assert.Contains(logs, l => l.ClipFraction > 0);
    }

    [Fact]
    public void Resuming_from_a_checkpoint_matches_an_uninterrupted_run()
    {
        var options = Options() with { TotalSteps = 4 };
        var straight = new TinyCausalLm(8, 8, seed: 2);
        var logs = new List<GrpoStepLog>();
        using (var t = new GrpoTrainer(straight, new TinyCausalLm(8, 8, seed: 2), new TinySampler(straight), Rewards(), Prompts, options, 0))
            t.Train(onStep: logs.Add);

        var checkpoint = Path.Combine(_dir, "ckpt");
        var first = new TinyCausalLm(8, 8, seed: 2);
        using (var t = new GrpoTrainer(first, new TinyCausalLm(8, 8, seed: 2), new TinySampler(first), Rewards(), Prompts, options, 0))
        {
            t.Train(untilStep: 2);
            t.SaveCheckpoint(checkpoint);
        }
        var resumed = new TinyCausalLm(8, 8, seed: 7);
        var resumedLogs = new List<GrpoStepLog>();
        using (var t = new GrpoTrainer(resumed, new TinyCausalLm(8, 8, seed: 2), new TinySampler(resumed), Rewards(), Prompts, options, 0))
        {
            t.LoadCheckpoint(checkpoint);
            t.Train(onStep: resumedLogs.Add);
        }
        Assert.Equal(straight.Flatten(), resumed.Flatten());
        Assert.Equal(logs.Skip(2).Select(l => (l.MeanReward, l.Kl, l.Loss)), resumedLogs.Select(l => (l.MeanReward, l.Kl, l.Loss)));
    }

    [Fact]
    public void Replay_alone_moves_the_policy_toward_its_examples_when_no_group_carries_a_reward_signal()
    {
        // Every completion decodes to "" and scores 0, so dynamic sampling drops every group: only replay can update.
        var options = Options() with { TotalSteps = 12, Overlong = null, ReplayCoefficient = 1.0, ReplayExamplesPerStep = 4 };
        SftExample[] replay = [new([2], [3, 3, TinySampler.EndOfSequence]), new([4], [3, TinySampler.EndOfSequence])];

        var still = new TinyCausalLm(8, 8, seed: 2);
        var untouched = still.Flatten();
        var silentLogs = new List<GrpoStepLog>();
        using (var t = new GrpoTrainer(still, new TinyCausalLm(8, 8, seed: 2), new TinySampler(still, _ => ""), Rewards(), Prompts, options with { ReplayCoefficient = 0 }, 0))
            t.Train(onStep: silentLogs.Add);
        Assert.All(silentLogs, l => Assert.Equal(0, l.KeptGroups));
        Assert.Equal(untouched, still.Flatten());

        var replayed = new TinyCausalLm(8, 8, seed: 2);
        var logs = new List<GrpoStepLog>();
        using (var t = new GrpoTrainer(replayed, new TinyCausalLm(8, 8, seed: 2), new TinySampler(replayed, _ => ""), Rewards(), Prompts, options, 0, replay))
            t.Train(onStep: logs.Add);
        Assert.All(logs, l => Assert.Equal(0, l.KeptGroups));
        Assert.True(logs[^1].ReplayLoss < logs[0].ReplayLoss * 0.7, $"replay cross-entropy {logs[0].ReplayLoss:F3} → {logs[^1].ReplayLoss:F3}");
        Assert.NotEqual(untouched, replayed.Flatten());
    }

    [Fact]
    public void A_replay_coefficient_without_replay_examples_is_refused()
    {
        var policy = new TinyCausalLm(8, 8, seed: 2);
        var e = Assert.Throws<ArgumentException>(() => new GrpoTrainer(policy, new TinyCausalLm(8, 8, seed: 2), new TinySampler(policy), Rewards(),
            Prompts, Options() with { ReplayCoefficient = 0.5 }, 0));
        Assert.Contains("replay", e.Message);
    }

    [Fact]
    public void The_jsonl_log_keeps_steps_up_to_the_resume_point()
    {
        var path = Path.Combine(_dir, "log.jsonl");
        using (var w = new JsonlLogWriter(path))
            for (int s = 1; s <= 4; s++) w.Write(new { Step = s, MeanReward = s / 10.0 });
        File.AppendAllText(path, "{\"step\": 5, \"mean_rew");
        using (var w = new JsonlLogWriter(path, keepThroughStep: 2)) w.Write(new { Step = 3, MeanReward = 0.0 });
        var lines = File.ReadAllLines(path);
        Assert.Equal(new[] { "{\"step\":1,\"mean_reward\":0.1}", "{\"step\":2,\"mean_reward\":0.2}", "{\"step\":3,\"mean_reward\":0}" }, lines);
    }

    [Fact]
    public void A_prompt_label_missing_from_the_recipe_is_refused()
    {
        var policy = new TinyCausalLm(8, 8, seed: 2);
        var e = Assert.Throws<ArgumentException>(() => new GrpoTrainer(policy, new TinyCausalLm(8, 8, seed: 2), new TinySampler(policy), Rewards(),
            new[] { new GrpoPrompt("x", new[] { 2 }, "safety") }, Options(), 0));
        Assert.Contains("'safety'", e.Message);
    }
}
