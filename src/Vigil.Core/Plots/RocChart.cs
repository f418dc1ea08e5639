using ScottPlot;
using Vigil.Core.Metrics;

namespace Vigil.Core.Plots;

/// <summary>ROC curves of several methods on one plot, with the chance diagonal, as a PNG.</summary>
public static class RocChart
{
    public static byte[] Render(string title, IReadOnlyList<(string Label, RocCurve Curve)> curves, int width = 640, int height = 480)
    {
        var plot = new Plot();
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.Color = Colors.Gray;
        foreach (var (label, curve) in curves)
        {
            if (curve.FalsePositiveRate.Length == 0) continue;
            var line = plot.Add.ScatterLine(curve.FalsePositiveRate, curve.TruePositiveRate);
            line.LegendText = $"{label} (AUC {curve.Area():F3})";
            line.LineWidth = 2;
        }
        plot.Title(title);
        plot.XLabel("False positive rate");
        plot.YLabel("True positive rate");
        plot.Axes.SetLimits(0, 1, 0, 1.02);
        plot.ShowLegend(Alignment.LowerRight);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }
}
