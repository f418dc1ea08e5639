using SkiaSharp;
using Vigil.Core.Plots;

namespace Vigil.Tests.Core.Plots;

public class LineChartTests
{
    private static LineChart Depths(string title) => new LineChart
    {
        Title = title, XLabel = "layers", YLabel = "accuracy", Width = 640, Height = 400, LogScaleX = true,
    }
        .Add("gcn", [2, 4, 8, 16, 32], [0.81, 0.78, 0.70, 0.65, 0.60])
        .Add("gcnii", [2, 4, 8, 16, 32], [0.82, 0.83, 0.84, 0.85, 0.85]);

    private static SKBitmap Render(LineChart chart)
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigil-chart-{Guid.NewGuid():N}.png");
        try
        {
            chart.SavePng(path);
            var bytes = File.ReadAllBytes(path);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes.Take(4).ToArray());
            return SKBitmap.Decode(bytes);
        }
        finally { File.Delete(path); }
    }

    private static int DarkPixels(SKBitmap bitmap, int top, int bottom)
    {
        int dark = 0;
        for (int y = top; y < bottom; y++)
            for (int x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red + c.Green + c.Blue < 300) dark++;
            }
        return dark;
    }

    [Fact]
    public void WritesAPngOfTheRequestedSizeWithDrawnLinesAndColours()
    {
        using var bitmap = Render(Depths("accuracy vs depth"));
        Assert.Equal(640, bitmap.Width);
        Assert.Equal(400, bitmap.Height);
        var colours = new HashSet<SKColor>();
        for (int y = 0; y < bitmap.Height; y += 2)
            for (int x = 0; x < bitmap.Width; x += 2) colours.Add(bitmap.GetPixel(x, y));
        // A blank (single-colour) or axes-only image has a handful of colours; two antialiased series have many.
        Assert.True(colours.Count > 20, $"only {colours.Count} distinct colours");
    }

    [Fact]
    public void TheTitleTextIsActuallyDrawn()
    {
        // A long title and a one-dot title reserve the same band, so only drawn glyphs can make the two differ
        // (a typeface without glyphs leaves both blank).
        using var titled = Render(Depths("Accuracy versus depth on Cora"));
        using var dot = Render(Depths("."));
        int band = titled.Height / 12;
        Assert.True(DarkPixels(titled, 0, band) > DarkPixels(dot, 0, band) + 100,
            $"title band: {DarkPixels(titled, 0, band)} dark pixels with a title, {DarkPixels(dot, 0, band)} with a dot");
    }

    [Fact]
    public void RejectsMismatchedSeriesAndNonPositiveLogX()
    {
        Assert.Throws<ArgumentException>(() => new LineChart().Add("a", [1, 2], [1]));
        var chart = new LineChart { LogScaleX = true }.Add("a", [0, 2], [1, 2]);
        var e = Assert.Throws<ArgumentException>(() => chart.SavePng(Path.Combine(Path.GetTempPath(), "never.png")));
        Assert.Contains("'a'", e.Message);
    }
}
