using System.Diagnostics;

namespace Vigil.Tests.Core.Reports;

/// <summary>Headless Chromium for checking HTML in a real browser; <see cref="Path"/> is null where it is not installed.</summary>
internal static class HeadlessChromium
{
    public static readonly string? Path = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);

    /// <summary>Runs Chromium headless with <paramref name="args"/> then the page URL; returns stdout.</summary>
    public static string Run(string url, params string[] args)
    {
        var psi = new ProcessStartInfo(Path ?? throw new InvalidOperationException("Chromium is not installed."))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Root (CI) needs --no-sandbox; a throwaway profile keeps runs independent.
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                     $"--user-data-dir={System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vigil-chromium-" + Guid.NewGuid().ToString("N"))}" })
            psi.ArgumentList.Add(a);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.ArgumentList.Add(url);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(2))) { p.Kill(true); throw new TimeoutException("Chromium did not finish in 2 minutes."); }
        if (p.ExitCode != 0) throw new InvalidOperationException($"Chromium exited with {p.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}
