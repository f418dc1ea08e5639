using ScottPlot;

namespace Vigil.Core.Plots;

/// <summary>One metric per method as bars with ±std error bars (a leaderboard at a glance), as a PNG.</summary>
public static class MetricBarChart
{
    public static byte[] Render(string title, string metric, IReadOnlyList<(string Label, double Mean, double Std)> bars,
        int width = 720, int height = 420)
    {
        var plot = new Plot();
        var positions = Enumerable.Range(0, bars.Count).Select(i => (double)i).ToArray();
        var items = bars.Select((b, i) => new Bar
        {
            Position = i,
            Value = double.IsNaN(b.Mean) ? 0 : b.Mean,
            Error = double.IsNaN(b.Std) ? 0 : b.Std,
            FillColor = Colors.SteelBlue,
        }).ToList();
        plot.Add.Bars(items);
        plot.Axes.Bottom.SetTicks(positions, bars.Select(b => b.Label).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        // Room for the rotated method names, which ScottPlot would otherwise clip.
        plot.Axes.Bottom.MinimumSize = 10 + 7 * bars.Select(b => b.Label.Length).DefaultIfEmpty(4).Max();
        plot.Axes.Margins(bottom: 0);
        plot.Title(title);
        plot.YLabel(metric);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }
}
