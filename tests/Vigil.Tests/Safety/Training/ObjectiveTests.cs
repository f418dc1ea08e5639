using Vigil.Safety.Rewards;
using Vigil.Safety.Training.Grpo;
using Vigil.Safety.Training.Objectives;
using Vigil.Safety.Training.Optimization;
using Vigil.Safety.Verification;
using static TorchSharp.torch;

namespace Vigil.Tests.Safety.Training;

public sealed class ObjectiveTests
{
    private static float[] Values(Tensor t) => t.detach().to_type(ScalarType.Float32).data<float>().ToArray();

    [Fact]
    public void Advantages_are_normalised_within_each_group_by_the_unbiased_std()
    {
        var a = GroupAdvantages.Compute(new double[] { 1, 0, 0, 1, 2, 2, 2, 2 }, 4, epsilon: 0);
        // group 1: mean 0.5, unbiased std sqrt(4 × 0.25 / 3) = 0.577350; group 2 is constant.
        double expected = 0.5 / Math.Sqrt(1.0 / 3);
        Assert.Equal(new[] { expected, -expected, -expected, expected, 0, 0, 0, 0 }, a, new ToleranceComparer(1e-12));
        var withEps = GroupAdvantages.Compute(new double[] { 3, 1 }, 2);
        Assert.Equal(1 / (Math.Sqrt(2) + 1e-6), withEps[0], 12);
        Assert.Throws<ArgumentException>(() => GroupAdvantages.Compute(new double[] { 1, 2, 3 }, 2));
    }

    [Fact]
    public void Dynamic_sampling_drops_exactly_the_all_equal_groups()
    {
        var kept = DynamicSampling.KeptGroups(new double[] { 1, 1, 1, 0, 1, 0, 0.5, 0.5, 0.5, 0, 0, 1e-3 }, 3);
        Assert.Equal(new[] { false, true, false, true }, kept);
    }

    [Fact]
    public void Overlong_penalty_is_zero_before_the_buffer_and_linear_to_the_limit()
    {
        var p = new OverlongPenalty(MaxLength: 10, Buffer: 4, Penalty: 1);
        Assert.Equal(new[] { 0, 0, -0.25, -0.5, -0.75, -1, -1 }, new[] { 3, 6, 7, 8, 9, 10, 12 }.Select(p.For).ToArray());
        Assert.Equal(-0.25, new OverlongPenalty(10, 4, 0.5).For(8), 12);
    }

    [Fact]
    public void Cpgd_clips_the_log_ratio_above_for_positive_and_below_for_negative_advantages()
    {
        using var scope = NewDisposeScope();
        var old = zeros(2, 3);
        var logp = tensor(new float[] { 0.5f, 0.1f, -0.5f, 0.5f, 0.1f, -0.5f }).reshape(2, 3).requires_grad_(true);
        var terms = PolicyLoss.Compute(PolicyLossKind.Cpgd, logp, old, tensor(new float[] { 2, -1 }), 0.2);
        double up = Math.Log(1.2), down = Math.Log(0.8);
        // A = +2: −2·min(0.5, log 1.2), −2·0.1, −2·(−0.5) (below the band the log-ratio is not clipped for A > 0).
        // A = −1: 0.5, 0.1 unclipped; −0.5 is clipped to log 0.8.
        Assert.Equal(new[] { -2 * up, -0.2, 1.0, 0.5, 0.1, down }, Values(terms.Loss).Select(v => (double)v).ToArray(), new ToleranceComparer(1e-6));
        Assert.Equal(new float[] { 1, 0, 0, 0, 0, 1 }, Values(terms.Clipped));
        terms.Loss.sum().backward();
        // Unclipped tokens get −A, clipped ones nothing.
        Assert.Equal(new float[] { 0, -2, -2, 1, 1, 0 }, Values(logp.grad!));
    }

    [Fact]
    public void Ppo_clip_takes_the_pessimistic_ratio_term()
    {
        using var scope = NewDisposeScope();
        var logp = tensor(new float[] { 0.5f, 0.1f, -0.5f, 0.5f, 0.1f, -0.5f }).reshape(2, 3);
        var terms = PolicyLoss.Compute(PolicyLossKind.PpoClip, logp, zeros(2, 3), tensor(new float[] { 2, -1 }), 0.2);
        double r0 = Math.Exp(0.5), r1 = Math.Exp(0.1), r2 = Math.Exp(-0.5);
        Assert.Equal(new[] { -2.4, -2 * r1, -2 * r2, r0, r1, 0.8 }, Values(terms.Loss).Select(v => (double)v).ToArray(), new ToleranceComparer(1e-6));
        Assert.Equal(new float[] { 1, 0, 0, 0, 0, 1 }, Values(terms.Clipped));
    }

    [Fact]
    public void K3_kl_matches_its_formula_and_is_zero_on_the_reference()
    {
        using var scope = NewDisposeScope();
        var kl = KlEstimator.K3(tensor(new float[] { -1, -2 }), tensor(new float[] { -1.5f, -2 }));
        Assert.Equal(Math.Exp(-0.5) + 0.5 - 1, Values(kl)[0], 6);
        Assert.Equal(0f, Values(kl)[1]);
        Assert.Equal(0.001, KlEstimator.DefaultCoefficient);
    }

    [Fact]
    public void Token_mean_and_sequence_mean_aggregate_as_documented()
    {
        using var scope = NewDisposeScope();
        var loss = tensor(new float[] { 1, 2, 3, 4, 5, 6 }).reshape(2, 3);
        var mask = tensor(new float[] { 1, 1, 0, 1, 0, 0 }).reshape(2, 3);
        Assert.Equal(3, LossAggregator.Denominator(mask, LossAggregation.TokenMean));
        Assert.Equal(2, LossAggregator.Denominator(mask, LossAggregation.SequenceMean));
        Assert.Equal(7.0 / 3, LossAggregator.Reduce(loss, mask, LossAggregation.TokenMean, 3).item<float>(), 6);
        Assert.Equal((1.5 + 4) / 2, LossAggregator.Reduce(loss, mask, LossAggregation.SequenceMean, 2).item<float>(), 6);
    }

    [Fact]
    public void Token_log_probs_and_entropy_come_from_the_logits_under_the_mask()
    {
        using var scope = NewDisposeScope();
        // softmax([0, ln 2, ln 3]) = [1/6, 1/3, 1/2]
        var row = new float[] { 0, (float)Math.Log(2), (float)Math.Log(3) };
        var logits = tensor(row.Concat(row).ToArray()).reshape(1, 2, 3);
        var (logp, entropy) = TokenLogProbs.Compute(logits, tensor(new long[] { 2, 0 }).reshape(1, 2), tensor(new float[] { 1, 0 }).reshape(1, 2));
        Assert.Equal(Math.Log(0.5), Values(logp)[0], 6);
        Assert.Equal(0f, Values(logp)[1]);
        double h = -(Math.Log(1.0 / 6) / 6 + Math.Log(1.0 / 3) / 3 + Math.Log(0.5) / 2);
        Assert.Equal(h, Values(entropy)[0], 5);
        Assert.Equal(0f, Values(entropy)[1]);
    }

    [Fact]
    public void Completion_batch_left_pads_and_right_aligns_the_scored_tokens()
    {
        using var scope = NewDisposeScope();
        var b = CompletionBatch.Build(new[] { new[] { 1, 2 }, new[] { 3 } }, new[] { new[] { 4 }, new[] { 5, 6, 7 } }, paddingId: 0);
        Assert.Equal(new long[] { 0, 1, 2, 4, 3, 5, 6, 7 }, b.InputIds.data<long>().ToArray());
        Assert.Equal(new long[] { 0, 1, 1, 1, 1, 1, 1, 1 }, b.AttentionMask.data<long>().ToArray());
        Assert.Equal(new long[] { 0, 0, 4, 5, 6, 7 }, b.Targets.data<long>().ToArray());
        Assert.Equal(new float[] { 0, 0, 1, 1, 1, 1 }, b.CompletionMask.data<float>().ToArray());
        Assert.Throws<ArgumentException>(() => CompletionBatch.Build(new[] { Array.Empty<int>() }, new[] { new[] { 1 } }, 0));
    }

    [Fact]
    public void Learning_rate_warms_up_linearly_then_decays_on_a_cosine()
    {
        var s = new LearningRateSchedule(PeakRate: 1, WarmupSteps: 3, TotalSteps: 7);
        Assert.Equal(new[] { 0.25, 0.5, 0.75, 1, 0.5 * (1 + Math.Cos(Math.PI / 4)), 0.5, 0, 0 },
            new[] { 0, 1, 2, 3, 4, 5, 7, 9 }.Select(s.At).ToArray(), new ToleranceComparer(1e-12));
    }

    [Fact]
    public void Length_reward_pays_for_brevity_only_among_passing_answers()
    {
        var r = new LengthEfficiencyReward(Weight: 1, Gate: 0.5);
        Assert.Equal(new[] { 0.5, 0.5 - 1.0 / 3, 0, -0.5 }, r.ForGroup(new[] { 10, 20, 30, 40 }, new[] { true, true, false, true }), new ToleranceComparer(1e-12));
        Assert.Equal(new double[] { 0, 0 }, r.ForGroup(new[] { 10, 10 }, new[] { true, true }));
        static RewardPart Part(RewardTermKind kind, double weight, double score) => new(kind, kind.ToString(), weight, Verdict.Of(score, "x", ""));
        Assert.True(r.Passes(new RewardBreakdown("math", new[] { Part(RewardTermKind.Format, 0.5, 0), Part(RewardTermKind.Verifier, 2, 0.8) })));
        // The format term does not make a wrong answer pass.
        Assert.False(r.Passes(new RewardBreakdown("math", new[] { Part(RewardTermKind.Format, 0.5, 1), Part(RewardTermKind.Verifier, 1, 0.3) })));
    }
}

internal sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
{
    public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
    public int GetHashCode(double obj) => 0;
}
