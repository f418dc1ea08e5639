using ScottPlot;

namespace Vigil.Core.Plots;

/// <summary>
/// Over-smoothing at a glance: for each graph method, a measured value (the MAD of its final representations, or its
/// accuracy) against network depth, one line per method, as a PNG.
/// </summary>
public static class DepthChart
{
    public static byte[] Render(string title, string valueLabel, IReadOnlyList<(string Label, double[] Layers, double[] Values)> series,
        int width = 640, int height = 420)
    {
        var plot = new Plot();
        foreach (var (label, layers, values) in series)
        {
            if (layers.Length != values.Length)
                throw new ArgumentException($"Series '{label}' has {layers.Length} depths but {values.Length} values.");
            var line = plot.Add.Scatter(layers, values);
            line.LegendText = label;
            line.LineWidth = 2;
            line.MarkerSize = 8;
        }
        plot.Title(title);
        plot.XLabel("Layers");
        plot.YLabel(valueLabel);
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }
}
