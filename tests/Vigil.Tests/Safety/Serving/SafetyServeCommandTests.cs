using System.Diagnostics;
using System.Text.Json;
using Vigil.Tests.Cli;

namespace Vigil.Tests.Safety.Serving;

public sealed class SafetyServeCommandTests
{
    [Fact]
    public void Serving_beyond_loopback_without_a_key_is_refused()
    {
        var r = VigilProcess.RunWithEnvironment(new Dictionary<string, string> { ["VIGIL_API_KEY"] = "" }, "safety", "serve", "--host", "0.0.0.0", "--port", "0");

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout.Trim());
        Assert.Contains("API key", r.Stderr);
    }

    [Fact]
    public async Task Port_zero_prints_the_url_and_serves_the_default_policy()
    {
        // An empty private cache: no trained demo policy there, so the untrained default is what gets served.
        var cache = Directory.CreateTempSubdirectory("vigil-serve-cache-").FullName;
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.Environment["VIGIL_CACHE"] = cache;
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "vigil.dll"), "safety", "serve", "--port", "0" }) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2));
            Assert.NotNull(line); // stderr, with the reason, is only complete once the process has gone
            var api = new Uri(line.Trim());
            Assert.Equal("127.0.0.1", api.Host);
            Assert.NotEqual(0, api.Port);

            using var http = new HttpClient();
            var models = JsonDocument.Parse(await http.GetStringAsync(api + "/models")).RootElement;
            Assert.Equal("vigil-demo", models.GetProperty("data")[0].GetProperty("id").GetString());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(cache, recursive: true);
        }
        Assert.Contains("untrained", (await stderr).ToLowerInvariant());
    }
}
