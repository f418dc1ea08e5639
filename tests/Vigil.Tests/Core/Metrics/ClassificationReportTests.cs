using Vigil.Core.Metrics;

namespace Vigil.Tests.Core.Metrics;

public class ClassificationReportTests
{
    [Fact]
    public void ReportOnAMaskEqualsEachMetricOnTheSubset()
    {
        var rng = new Random(9);
        int n = 60, k = 3;
        var y = new int[n]; var p = new int[n]; var probs = new float[n * k]; var mask = new bool[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = rng.Next(k);
            mask[i] = rng.Next(2) == 0;
            float sum = 0;
            for (int c = 0; c < k; c++) { probs[i * k + c] = (float)rng.NextDouble() + (c == y[i] ? 0.5f : 0); sum += probs[i * k + c]; }
            for (int c = 0; c < k; c++) probs[i * k + c] /= sum;
            p[i] = Enumerable.Range(0, k).MaxBy(c => probs[i * k + c]);
        }
        var idx = SampleSubset.FromMask(mask, n);
        var report = ClassificationReport.Compute(y, p, k, mask, probs);
        Assert.Equal(idx.Length, report.Count);
        Assert.Equal(ClassificationMetrics.Accuracy(y, p, k, idx), report.Accuracy, 12);
        Assert.Equal(ClassificationMetrics.MacroF1(y, p, k, idx), report.MacroF1, 12);
        Assert.Equal(ClassificationMetrics.MatthewsCorrelation(y, p, k, idx), report.MatthewsCorrelation, 12);
        Assert.Equal(RocAuc.MacroOneVsRest(y, probs, k, idx), report.RocAuc, 12);
        Assert.InRange(report.RocAuc, 0.5, 1.0); // informative scores
        Assert.Equal(report.Accuracy, report.MicroF1, 12);
    }

    [Fact]
    public void BinaryReportUsesColumnOneForAuc()
    {
        int[] y = { 0, 0, 1, 1 };
        float[] probs = { 0.9f, 0.1f, 0.6f, 0.4f, 0.65f, 0.35f, 0.2f, 0.8f }; // column 1: 0.1, 0.4, 0.35, 0.8
        var report = ClassificationReport.Compute(y, new[] { 0, 0, 0, 1 }, 2, probs);
        Assert.Equal(0.75, report.RocAuc, 12);
    }

    [Fact]
    public void ReportWithoutProbabilitiesHasNaNAuc()
    {
        var report = ClassificationReport.Compute(new[] { 0, 1, 1 }, new[] { 0, 1, 0 }, 2);
        Assert.True(double.IsNaN(report.RocAuc));
        Assert.Equal(2.0 / 3, report.Accuracy, 12);
    }
}
