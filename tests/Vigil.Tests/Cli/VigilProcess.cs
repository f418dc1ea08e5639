using System.Diagnostics;

namespace Vigil.Tests.Cli;

/// <summary>Runs the built <c>vigil</c> executable (copied beside the tests) as a real process.</summary>
internal static class VigilProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(params string[] args) => RunWithEnvironment(new Dictionary<string, string>(), args);

    /// <summary>Runs with <paramref name="stdin"/> written to the process's standard input (then closed).</summary>
    public static Result RunWithInput(string stdin, params string[] args) => Start(new Dictionary<string, string>(), args, stdin);

    /// <summary>Runs with extra environment variables (e.g. a private cache folder).</summary>
    public static Result RunWithEnvironment(IReadOnlyDictionary<string, string> environment, params string[] args) => Start(environment, args, null);

    private static Result Start(IReadOnlyDictionary<string, string> environment, string[] args, string? stdin)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "vigil.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (name, value) in environment) psi.Environment[name] = value;
        using var p = Process.Start(psi)!;
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3))) { p.Kill(true); throw new TimeoutException("vigil did not finish in 3 minutes"); }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }
}
