namespace Vigil.Core.Plots;

/// <summary>
/// A line chart of named series with a title and axis labels, rendered headless to a PNG (ScottPlot over SkiaSharp).
/// <see cref="LogScaleX"/> spaces x by log₂ and labels the ticks with the series' own x values, which suits depth
/// sweeps (2, 4, …, 32). Generic: anything that is "y against x per named curve" can be drawn with it.
/// </summary>
public sealed class LineChart
{
    private readonly List<LineSeries> _series = [];

    public string Title { get; init; } = "";
    public string XLabel { get; init; } = "";
    public string YLabel { get; init; } = "";
    public int Width { get; init; } = 800;
    public int Height { get; init; } = 500;
    public bool LogScaleX { get; init; }
    /// <summary>Fixed y range; null lets ScottPlot fit the data.</summary>
    public (double Min, double Max)? YRange { get; init; }

    public IReadOnlyList<LineSeries> Series => _series;

    public LineChart Add(string name, IEnumerable<double> x, IEnumerable<double> y)
    {
        _series.Add(new LineSeries(name, x.ToArray(), y.ToArray()).Validated());
        return this;
    }

    /// <summary>Renders the chart into <paramref name="path"/> as a <see cref="Width"/>×<see cref="Height"/> PNG.</summary>
    public void SavePng(string path)
    {
        if (Width < 50 || Height < 50) throw new ArgumentException($"A chart needs at least 50×50 pixels, got {Width}×{Height}.");
        if (_series.Count == 0) throw new InvalidOperationException($"Chart '{Title}' has no series to draw.");
        using var plot = Build();
        plot.SavePng(path, Width, Height);
    }

    private ScottPlot.Plot Build()
    {
        var plot = new ScottPlot.Plot();
        if (ChartFont.Resolve() is { } font) plot.Font.Set(font);
        plot.Title(Title);
        plot.XLabel(XLabel);
        plot.YLabel(YLabel);
        var ticks = new SortedSet<double>();
        foreach (var s in _series)
        {
            var points = s.X.Zip(s.Y).Where(p => double.IsFinite(p.First) && double.IsFinite(p.Second)).ToArray();
            if (LogScaleX && points.Any(p => p.First <= 0))
                throw new ArgumentException($"Series '{s.Name}' has x ≤ 0, which a log-scaled x axis cannot show.");
            var xs = points.Select(p => LogScaleX ? Math.Log2(p.First) : p.First).ToArray();
            var ys = points.Select(p => p.Second).ToArray();
            foreach (var p in points) ticks.Add(p.First);
            var scatter = plot.Add.Scatter(xs, ys);
            scatter.LegendText = s.Name;
            scatter.LineWidth = 2;
            scatter.MarkerSize = 7;
        }
        if (LogScaleX && ticks.Count > 0)
        {
            var manual = new ScottPlot.TickGenerators.NumericManual();
            foreach (var t in ticks) manual.AddMajor(Math.Log2(t), t.ToString("G6", System.Globalization.CultureInfo.InvariantCulture));
            plot.Axes.Bottom.TickGenerator = manual;
        }
        if (YRange is { } range) plot.Axes.SetLimitsY(range.Min, range.Max);
        // Outside the data area, so it never hides a line however many series there are.
        plot.ShowLegend(ScottPlot.Edge.Right);
        return plot;
    }
}
