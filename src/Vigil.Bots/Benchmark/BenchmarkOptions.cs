namespace Vigil.Bots.Benchmark;

/// <summary>How a sweep runs: how many seeds per method (seeds are FirstSeed, FirstSeed + 1, …), and resume.</summary>
public sealed record BenchmarkOptions
{
    /// <summary>Runs per method, each with its own seed; TwiBot-22 reports five.</summary>
    public int Seeds { get; init; } = 5;

    public int FirstSeed { get; init; }

    /// <summary>
    /// True: a run whose key is already in the store is skipped (the sweep picks up where a killed one stopped).
    /// False: every run is made again and replaces the stored one.
    /// </summary>
    public bool Resume { get; init; }
}
