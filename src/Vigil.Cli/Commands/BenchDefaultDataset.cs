namespace Vigil.Cli.Commands;

/// <summary>
/// Where <c>vigil bench</c> finds its data when <c>--data</c> is not given: the built-in generated dataset. This is
/// the one place that decides it; until the generator is part of Vigil it asks for --data.
/// </summary>
internal static class BenchDefaultDataset
{
    /// <summary>The dataset folder to benchmark: <paramref name="data"/> when given.</summary>
    public static string Resolve(string? data) =>
        data ?? throw new ArgumentException("No dataset given: pass --data DIR (a TwiBot-format dataset folder; the built-in generated dataset is not available in this build).");
}
