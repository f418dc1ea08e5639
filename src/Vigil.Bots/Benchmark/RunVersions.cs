using System.Reflection;
using System.Runtime.InteropServices;

namespace Vigil.Bots.Benchmark;

/// <summary>The software a run used, recorded with each run: Vigil, .NET, ML.NET, TorchSharp and the OS.</summary>
public static class RunVersions
{
    public static string Describe() => string.Join("; ",
        $"vigil {Version(typeof(RunVersions).Assembly)}",
        $".NET {Environment.Version}",
        $"ML.NET {Version(typeof(Microsoft.ML.MLContext).Assembly)}",
        $"TorchSharp {Version(typeof(TorchSharp.torch).Assembly)}",
        RuntimeInformation.OSDescription);

    private static string Version(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString() ?? "unknown";
}
