using Vigil.Core.Results;

namespace Vigil.Bots.Benchmark;

/// <summary>
/// What a sweep did: the runs it made, the keys it found already stored (on resume), and the methods it could not run
/// with the reason. <see cref="Keys"/> lists every run of the sweep, made or found, so its leaderboard can be read back.
/// </summary>
public sealed record BenchmarkSweep(
    IReadOnlyList<RunRecord> Ran,
    IReadOnlyList<RunKey> Resumed,
    IReadOnlyList<(string Method, string Reason)> Unsupported)
{
    public IEnumerable<RunKey> Keys => Ran.Select(r => r.Key).Concat(Resumed);
}
