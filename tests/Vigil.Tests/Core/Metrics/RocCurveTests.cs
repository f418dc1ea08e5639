using Vigil.Core.Metrics;

namespace Vigil.Tests.Core.Metrics;

public class RocCurveTests
{
    [Fact]
    public void The_curve_steps_through_each_distinct_score_with_ties_moving_together()
    {
        // Scores 0.9 (pos), 0.8 (neg), 0.8 (pos), 0.1 (neg): P = 2, N = 2.
        var curve = RocCurve.Compute([true, false, true, false], [0.9, 0.8, 0.8, 0.1]);
        Assert.Equal([0, 0, 0.5, 1], curve.FalsePositiveRate);
        Assert.Equal([0, 0.5, 1, 1], curve.TruePositiveRate);
        Assert.Equal(0.875, curve.Area(), 12);
    }

    [Fact]
    public void The_area_under_the_points_equals_the_rank_statistic_auc()
    {
        var random = new Random(11);
        var positive = Enumerable.Range(0, 500).Select(_ => random.NextDouble() < 0.4).ToArray();
        // Rounded scores make many ties.
        var scores = positive.Select(p => Math.Round(random.NextDouble() + (p ? 0.3 : 0), 1)).ToArray();
        Assert.Equal(RocAuc.Binary(positive, scores), RocCurve.Compute(positive, scores).Area(), 12);
    }

    [Fact]
    public void A_single_class_has_no_curve()
    {
        Assert.Empty(RocCurve.Compute([true, true], [0.1, 0.2]).FalsePositiveRate);
    }

    [Fact]
    public void Binary_evaluation_counts_at_the_threshold_and_matches_hand_computed_metrics()
    {
        // Truth: bot, bot, bot, human, human; predictions at 0.5: bot, bot, human, bot, human → TP 2, FN 1, FP 1, TN 1.
        var e = BinaryEvaluation.FromScores([true, true, true, false, false], [0.9, 0.5, 0.4, 0.7, 0.1]);
        Assert.Equal((2L, 1L, 1L, 1L), (e.TruePositives, e.FalseNegatives, e.FalsePositives, e.TrueNegatives));
        Assert.Equal(0.6, e.Accuracy, 12);
        Assert.Equal(2.0 / 3, e.Precision, 12);
        Assert.Equal(2.0 / 3, e.Recall, 12);
        Assert.Equal(2.0 / 3, e.F1, 12);
        // MCC = (TP·TN − FP·FN) / √((TP+FP)(TP+FN)(TN+FP)(TN+FN)) = (2 − 1) / √(3·3·2·2) = 1/6.
        Assert.Equal(1.0 / 6, e.Mcc, 12);
        // Pairs (pos, neg) ranked right: 0.9 beats both, 0.5 beats 0.1 only, 0.4 beats 0.1 only → 4 of 6.
        Assert.Equal(4.0 / 6, e.RocAuc, 12);
    }

    [Fact]
    public void Mean_and_sample_std_skip_undefined_values()
    {
        var m = MeanStd.Of([1, 2, double.NaN, 3, 4]);
        Assert.Equal(4, m.Count);
        Assert.Equal(2.5, m.Mean, 12);
        Assert.Equal(Math.Sqrt(5.0 / 3), m.Std, 12);
        Assert.Equal(0, MeanStd.Of([0.7]).Std);
        Assert.True(double.IsNaN(MeanStd.Of([double.NaN]).Mean));
        Assert.Equal("2.50 ± 1.29", m.Format("F2"));
    }
}
