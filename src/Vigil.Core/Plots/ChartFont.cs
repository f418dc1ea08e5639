namespace Vigil.Core.Plots;

/// <summary>
/// The font charts draw text with. ScottPlot asks SkiaSharp for a system default, which on a headless Linux box
/// without fontconfig setup can be a typeface with no glyphs, leaving titles and labels blank; loading a known
/// TrueType file explicitly (DejaVu Sans, Debian's fonts-dejavu-core) avoids that. Elsewhere the default stays.
/// </summary>
public static class ChartFont
{
    public const string Name = "DejaVu Sans";

    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
    ];

    private static readonly Lazy<string?> Registered = new(Register);

    /// <summary>The font name to use, or null for ScottPlot's default when no DejaVu file is found.</summary>
    public static string? Resolve() => Registered.Value;

    private static string? Register()
    {
        var path = Candidates.FirstOrDefault(File.Exists);
        if (path is null) return null;
        ScottPlot.Fonts.AddFontFile(Name, path);
        return Name;
    }
}
