using Vigil.Bots.Baselines.Learners;

namespace Vigil.Tests.Bots.Baselines;

public class LearnerTests
{
    private static TabularData Data(double[][] rows, bool[] labels) =>
        new(rows.SelectMany(r => r.Select(v => (float)v)).ToArray(), rows.Length, rows[0].Length, labels);

    [Fact]
    public void A_stump_splits_at_the_midpoint_between_the_classes_and_its_leaves_hold_the_positive_share()
    {
        var data = Data([[1], [2], [3], [4], [5], [6]], [false, false, false, true, true, true]);
        var tree = DecisionTree.Grow(data, data.Labels!, [1, 1, 1, 1, 1, 1], maxDepth: 1);
        Assert.Equal(3, tree.NodeCount);
        Assert.Equal(0, tree.Predict([3.49f]));
        Assert.Equal(1, tree.Predict([3.51f]));
    }

    [Fact]
    public void Row_weights_move_the_split_to_where_the_weighted_impurity_is_least()
    {
        // Weighted Gini × weight: split at 2.5 leaves {F, F} | {T×10, F}: 0 + 2·(10/11)·(1/11)·11 ≈ 1.82; at 3.5,
        // {F, F, T×10} | {F}: 2·(10/12)·(2/12)·12 ≈ 3.33; at 1.5 worse still. So 2.5, and the right leaf holds 10/11.
        var data = Data([[1], [2], [3], [4]], [false, false, true, false]);
        var tree = DecisionTree.Grow(data, data.Labels!, [1, 1, 10, 1], maxDepth: 1);
        Assert.Equal(0, tree.Predict([2]));
        Assert.Equal(10.0 / 11, tree.Predict([3.5f]), 12);
    }

    [Fact]
    public void A_deep_tree_fits_an_axis_aligned_box_exactly()
    {
        var random = new Random(5);
        var rows = Enumerable.Range(0, 300).Select(_ => new[] { random.NextDouble(), random.NextDouble() }).ToArray();
        var labels = rows.Select(r => r[0] > 0.3 && r[1] < 0.7).ToArray();
        var data = Data(rows, labels);
        var model = new DecisionTreeLearner().Fit(data, 0);
        var p = model.Predict(data);
        for (int i = 0; i < rows.Length; i++) Assert.Equal(labels[i], p[i] >= 0.5);
    }

    [Fact]
    public void AdaBoost_combines_stumps_into_an_interval_no_single_stump_can_draw()
    {
        var rows = Enumerable.Range(0, 100).Select(i => new[] { i / 100.0 }).ToArray();
        var labels = rows.Select(r => r[0] >= 0.3 && r[0] < 0.7).ToArray();
        var data = Data(rows, labels);
        var single = new AdaBoostLearner(rounds: 1).Fit(data, 0).Predict(data);
        var boosted = new AdaBoostLearner(rounds: 50).Fit(data, 0).Predict(data);
        int singleCorrect = Enumerable.Range(0, 100).Count(i => single[i] >= 0.5 == labels[i]);
        int boostedCorrect = Enumerable.Range(0, 100).Count(i => boosted[i] >= 0.5 == labels[i]);
        Assert.True(singleCorrect <= 70, $"a stump got {singleCorrect}/100");
        Assert.Equal(100, boostedCorrect);
        Assert.All(boosted, s => Assert.InRange(s, 0, 1));
    }

    [Fact]
    public void Smote_balances_the_classes_with_points_on_segments_between_minority_rows()
    {
        // Minority rows lie on the line y = 2x, so every synthetic row must too, between the extremes.
        var rows = new List<double[]>();
        var labels = new List<bool>();
        for (int i = 0; i < 5; i++) { rows.Add([i, 2 * i]); labels.Add(true); }
        for (int i = 0; i < 20; i++) { rows.Add([10 + i, -i]); labels.Add(false); }
        var data = Data(rows.ToArray(), labels.ToArray());
        var resampled = new Smote(neighbours: 2).Resample(data, seed: 3);
        Assert.Equal(40, resampled.Rows);
        Assert.Equal(20, resampled.Labels!.Count(l => l));
        for (int i = data.Rows; i < resampled.Rows; i++)
        {
            Assert.True(resampled.Labels![i]);
            Assert.InRange(resampled[i, 0], 0, 4);
            Assert.Equal(2 * resampled[i, 0], resampled[i, 1], 4);
        }
        Assert.Equal(data.Values, resampled.Values.AsSpan(0, data.Values.Length).ToArray());
    }

    [Fact]
    public void Random_forest_and_logistic_regression_give_probabilities_that_separate_separable_data()
    {
        var random = new Random(9);
        var rows = Enumerable.Range(0, 200).Select(i => new[] { random.NextDouble() + (i % 2 == 0 ? 2 : 0), random.NextDouble() }).ToArray();
        var labels = Enumerable.Range(0, 200).Select(i => i % 2 == 0).ToArray();
        var data = Data(rows, labels);
        foreach (ITabularLearner learner in new ITabularLearner[] { new RandomForestLearner(trees: 20), new LogisticRegressionLearner() })
        {
            var p = learner.Fit(data, 1).Predict(data);
            Assert.All(p, v => Assert.InRange(v, 0, 1));
            Assert.Equal(200, Enumerable.Range(0, 200).Count(i => p[i] >= 0.5 == labels[i]));
        }
    }
}
