using Vigil.Safety.Training.Optimization;
using Vigil.Safety.Training.Sft;
using static TorchSharp.torch;

namespace Vigil.Tests.Safety.Training;

[Collection(TorchGlobalRngCollection.Name)]
public sealed class SftTrainerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-sft-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly SftExample[] Data =
    {
        new(new[] { 2, 3 }, new[] { 4, 5, 1 }),
        new(new[] { 3 }, new[] { 6, 1 }),
        new(new[] { 2, 2, 4 }, new[] { 5, 1 }),
        new(new[] { 6, 5 }, new[] { 3, 4, 2, 1 }),
        new(new[] { 4 }, new[] { 2, 1 }),
    };

    private static SftOptions Options(int micro, int accumulation) => new()
    {
        TotalSteps = 6, MicroBatchSize = micro, GradientAccumulation = accumulation, Seed = 3,
        Optimizer = new OptimizerSettings { LearningRate = 0.05, WarmupSteps = 2, MaxGradientNorm = 0.5 },
    };

    [Fact]
    public void The_loss_covers_response_tokens_only()
    {
        var model = new TinyCausalLm(8, 6, seed: 1);
        using var trainer = new SftTrainer(model, Data, Options(2, 2), paddingId: 0);
        // Reference: each unpadded sequence on its own, −log p of its response tokens, averaged over the step's tokens.
        var order = new DataOrder(Data.Length, 3).Batch(0, 4).Select(i => Data[i]).ToArray();
        double sum = 0;
        int tokens = 0;
        using (no_grad())
            foreach (var e in order)
            {
                var ids = e.PromptIds.Concat(e.ResponseIds).Select(i => (long)i).ToArray();
                var logp = nn.functional.log_softmax(model.Logits(tensor(ids).unsqueeze(0))[0], -1);
                for (int t = e.PromptIds.Length; t < ids.Length; t++) sum -= logp[t - 1, ids[t]].item<float>();
                tokens += e.ResponseIds.Length;
            }
        var log = trainer.TrainStep();
        Assert.Equal(tokens, log.ResponseTokens);
        Assert.Equal(sum / tokens, log.Loss, 5);
    }

    [Fact]
    public void Gradient_accumulation_equals_one_large_batch()
    {
        var whole = new TinyCausalLm(8, 6, seed: 1);
        var split = new TinyCausalLm(8, 6, seed: 1);
        using (var a = new SftTrainer(whole, Data, Options(4, 1), 0)) a.Train(untilStep: 3);
        using (var b = new SftTrainer(split, Data, Options(2, 2), 0)) b.Train(untilStep: 3);
        Assert.Equal(whole.Flatten(), split.Flatten(), new ToleranceComparerF(1e-6f));
    }

    [Fact]
    public void Resuming_from_a_checkpoint_matches_an_uninterrupted_run_and_lowers_the_loss()
    {
        var straight = new TinyCausalLm(8, 6, seed: 1);
        var logs = new List<SftStepLog>();
        using (var t = new SftTrainer(straight, Data, Options(2, 2), 0)) t.Train(onStep: logs.Add);
        Assert.True(logs[^1].Loss < logs[0].Loss, $"loss {logs[0].Loss} → {logs[^1].Loss}");

        var first = new TinyCausalLm(8, 6, seed: 1);
        var checkpoint = Path.Combine(_dir, "ckpt");
        using (var t = new SftTrainer(first, Data, Options(2, 2), 0))
        {
            t.Train(untilStep: 2);
            t.SaveCheckpoint(checkpoint);
        }
        var resumed = new TinyCausalLm(8, 6, seed: 99);
        var resumedLogs = new List<SftStepLog>();
        using (var t = new SftTrainer(resumed, Data, Options(2, 2), 0))
        {
            t.LoadCheckpoint(checkpoint);
            Assert.Equal(2, t.Step);
            t.Train(onStep: resumedLogs.Add);
        }
        Assert.Equal(straight.Flatten(), resumed.Flatten());
        Assert.Equal(logs.Skip(2).Select(l => l.Loss), resumedLogs.Select(l => l.Loss));
    }

    [Fact]
    public void A_checkpoint_from_other_data_settings_is_refused()
    {
        var model = new TinyCausalLm(8, 6, seed: 1);
        var checkpoint = Path.Combine(_dir, "ckpt");
        using (var t = new SftTrainer(model, Data, Options(2, 2), 0)) t.SaveCheckpoint(checkpoint);
        using var other = new SftTrainer(model, Data, Options(2, 1), 0);
        var e = Assert.Throws<InvalidDataException>(() => other.LoadCheckpoint(checkpoint));
        Assert.Contains(checkpoint, e.Message);
    }
}

internal sealed class ToleranceComparerF(float tolerance) : IEqualityComparer<float>
{
    public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;
    public int GetHashCode(float obj) => 0;
}
