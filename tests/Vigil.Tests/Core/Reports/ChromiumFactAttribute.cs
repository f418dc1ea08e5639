namespace Vigil.Tests.Core.Reports;

/// <summary>A fact that needs headless Chromium; skipped, saying so, where it is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.Path is null)
            Skip = "Chromium is not installed (Debian packages chromium, chromium-driver; .ci/run installs them).";
    }
}
