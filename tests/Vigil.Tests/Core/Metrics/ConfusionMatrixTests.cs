using Vigil.Core.Metrics;

namespace Vigil.Tests.Core.Metrics;

public class ConfusionMatrixTests
{
    // Truth rows: class 0 → predicted {0, 1}; class 1 → {1, 1}; class 2 → {2, 0, 1}.
    private static readonly int[] Labels = { 0, 0, 1, 1, 2, 2, 2 };
    private static readonly int[] Predictions = { 0, 1, 1, 1, 2, 0, 1 };

    [Fact]
    public void CountsAndPerClassScoresMatchHandComputation()
    {
        var m = ConfusionMatrix.From(Labels, Predictions, 3);
        Assert.Equal(7, m.Total);
        Assert.Equal(1, m[2, 0]);
        Assert.Equal(2, m[1, 1]);
        // Class 0: TP 1, FP 1, FN 1. Class 1: TP 2, FP 2, FN 0. Class 2: TP 1, FP 0, FN 2.
        Assert.Equal(new long[] { 1, 2, 1 }, new[] { m.TruePositives(0), m.TruePositives(1), m.TruePositives(2) });
        Assert.Equal(new long[] { 1, 2, 0 }, new[] { m.FalsePositives(0), m.FalsePositives(1), m.FalsePositives(2) });
        Assert.Equal(new long[] { 1, 0, 2 }, new[] { m.FalseNegatives(0), m.FalseNegatives(1), m.FalseNegatives(2) });
        Assert.Equal(0.5, m.Precision(1), 12);
        Assert.Equal(1.0, m.Recall(1), 12);
        Assert.Equal(1.0, m.Precision(2), 12);
        Assert.Equal(1.0 / 3, m.Recall(2), 12);
        var f1 = m.PerClassF1();
        Assert.Equal(3, f1.Length);
        Assert.Equal(0.5, f1[0], 12);
        Assert.Equal(2.0 / 3, f1[1], 12);
        Assert.Equal(0.5, f1[2], 12);
        Assert.Equal(4.0 / 7, m.Accuracy, 12);
        Assert.Equal((0.5 + 2.0 / 3 + 0.5) / 3, m.MacroF1, 12);
        Assert.Equal((0.5 + 0.5 + 1.0) / 3, m.MacroPrecision, 12);
        Assert.Equal((0.5 + 1.0 + 1.0 / 3) / 3, m.MacroRecall, 12);
        Assert.Equal(m.Accuracy, m.MicroF1, 12);
    }

    [Fact]
    public void MulticlassMccEqualsCorrelationOfOneHotIndicators()
    {
        var rng = new Random(3);
        for (int trial = 0; trial < 20; trial++)
        {
            int n = 50, k = 4;
            var y = new int[n]; var p = new int[n];
            for (int i = 0; i < n; i++) { y[i] = rng.Next(k); p[i] = rng.Next(3) == 0 ? rng.Next(k) : y[i]; }
            double expected = OneHotCorrelation(y, p, k);
            Assert.Equal(expected, ClassificationMetrics.MatthewsCorrelation(y, p, k), 10);
        }
        // Hand value for the fixed example: (4·7 − 15) / √((49 − 21)(49 − 17)).
        Assert.Equal(13 / Math.Sqrt(28.0 * 32.0), ClassificationMetrics.MatthewsCorrelation(Labels, Predictions, 3), 12);
    }

    [Fact]
    public void BinaryMccMatchesTheTwoByTwoFormula()
    {
        int[] y = { 1, 1, 1, 0, 0, 0, 0, 1, 0, 1 };
        int[] p = { 1, 0, 1, 0, 1, 0, 0, 1, 0, 0 };
        double tp = 3, tn = 4, fp = 1, fn = 2;
        double expected = (tp * tn - fp * fn) / Math.Sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
        Assert.Equal(expected, ClassificationMetrics.MatthewsCorrelation(y, p, 2), 12);
        Assert.Equal(tp / (tp + fp), ClassificationMetrics.Precision(y, p, 2, positiveClass: 1), 12);
        Assert.Equal(tp / (tp + fn), ClassificationMetrics.Recall(y, p, 2, positiveClass: 1), 12);
        Assert.Equal(tn / (tn + fn), ClassificationMetrics.Precision(y, p, 2, positiveClass: 0), 12);
        Assert.Equal(tn / (tn + fp), ClassificationMetrics.Recall(y, p, 2, positiveClass: 0), 12);
    }

    [Fact]
    public void ConstantPredictionsGiveZeroMccNotNaN()
    {
        Assert.Equal(0.0, ClassificationMetrics.MatthewsCorrelation(new[] { 0, 1, 2 }, new[] { 1, 1, 1 }, 3));
        Assert.Equal(0.0, ClassificationMetrics.MatthewsCorrelation(new[] { 1, 1, 1 }, new[] { 0, 1, 2 }, 3));
    }

    [Fact]
    public void ClassNeverPredictedScoresZeroAndCountsInTheMacroAverage()
    {
        int[] y = { 0, 1, 2, 2 };
        int[] p = { 0, 1, 1, 1 };
        var m = ConfusionMatrix.From(y, p, 3);
        Assert.Equal(0.0, m.Precision(2));
        Assert.Equal(0.0, m.F1(2));
        // Class 0: F1 1; class 1: TP 1, FP 2 → 2/(2+2) = 0.5; class 2: 0.
        Assert.Equal((1.0 + 0.5 + 0.0) / 3, m.MacroF1, 12);
        Assert.False(double.IsNaN(m.MacroPrecision));
    }

    [Fact]
    public void ClassAbsentFromTruthAndPredictionsIsLeftOutOfMacroAverages()
    {
        var three = ConfusionMatrix.From(Labels, Predictions, 3);
        var five = ConfusionMatrix.From(Labels, Predictions, 5);
        Assert.False(five.IsPresent(4));
        Assert.Equal(three.MacroF1, five.MacroF1, 12);
        Assert.Equal(three.MacroRecall, five.MacroRecall, 12);
        Assert.Equal(three.MatthewsCorrelation, five.MatthewsCorrelation, 12);
    }

    [Fact]
    public void SubsetAndMaskEvaluateOnlyTheChosenSamples()
    {
        int[] subset = { 0, 2, 3, 6 };
        var mask = new bool[Labels.Length];
        foreach (int i in subset) mask[i] = true;
        var sliced = ConfusionMatrix.From(subset.Select(i => Labels[i]).ToArray(), subset.Select(i => Predictions[i]).ToArray(), 3);
        var byIndex = ConfusionMatrix.From(Labels, Predictions, 3, subset);
        var byMask = ConfusionMatrix.From(Labels, Predictions, 3, mask);
        Assert.Equal(4, byIndex.Total);
        Assert.Equal(sliced.MacroF1, byIndex.MacroF1, 12);
        Assert.Equal(sliced.MatthewsCorrelation, byMask.MatthewsCorrelation, 12);
        Assert.Equal(sliced.Accuracy, byMask.Accuracy, 12);
    }

    [Fact]
    public void BadInputIsRejectedWithAClearMessage()
    {
        var empty = Assert.Throws<ArgumentException>(() => ConfusionMatrix.From(Array.Empty<int>(), Array.Empty<int>(), 2));
        Assert.Contains("no samples", empty.Message);
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.From(Labels, Predictions, 3, Array.Empty<int>()));
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.From(Labels, Predictions, 3, new bool[Labels.Length]));
        var outOfRange = Assert.Throws<ArgumentOutOfRangeException>(() => ConfusionMatrix.From(new[] { 0, -1 }, new[] { 0, 0 }, 2));
        Assert.Contains("sample 1", outOfRange.Message);
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.From(new[] { 0, 1 }, new[] { 0 }, 2));
        var dup = Assert.Throws<ArgumentException>(() => ConfusionMatrix.From(Labels, Predictions, 3, new[] { 1, 1 }));
        Assert.Contains("more than once", dup.Message);
    }

    // Gorodkin's R_K: Pearson correlation between the one-hot truth and prediction matrices.
    private static double OneHotCorrelation(int[] y, int[] p, int k)
    {
        int n = y.Length;
        double Cov(int[] a, int[] b)
        {
            double s = 0;
            for (int c = 0; c < k; c++)
            {
                double ma = a.Count(v => v == c) / (double)n, mb = b.Count(v => v == c) / (double)n;
                for (int i = 0; i < n; i++) s += ((a[i] == c ? 1 : 0) - ma) * ((b[i] == c ? 1 : 0) - mb);
            }
            return s;
        }
        return Cov(y, p) / Math.Sqrt(Cov(y, y) * Cov(p, p));
    }
}
