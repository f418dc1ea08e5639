namespace Vigil.Bots.Benchmark;

/// <summary>What a sweep reports as it goes: a run starting, finished (with its accuracy), or skipped.</summary>
public sealed record BenchmarkProgress(BenchmarkEvent Event, string Method, int Seed, int Done, int Total, string? Detail = null);

public enum BenchmarkEvent
{
    Started,
    Finished,
    /// <summary>Already in the store and the sweep resumes.</summary>
    Resumed,
    /// <summary>The method cannot run on this dataset; <see cref="BenchmarkProgress.Detail"/> says why.</summary>
    Unsupported,
}
