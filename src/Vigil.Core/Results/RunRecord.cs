using System.IO.Hashing;
using System.Text;
using Vigil.Core.Metrics;

namespace Vigil.Core.Results;

/// <summary>
/// One finished benchmark run: which method (and its family) ran on which dataset (name and content hash) with which
/// seed and configuration (JSON), its test metrics, how long training took and the peak memory it reached, the
/// software versions, and when it finished. <see cref="Layers"/> and <see cref="Mad"/> are set by graph methods
/// (depth and mean average distance of the final user representations, for the over-smoothing plot).
/// </summary>
public sealed record RunRecord
{
    public required string Method { get; init; }
    public required string Family { get; init; }
    public required string Dataset { get; init; }
    public required string DatasetHash { get; init; }
    public required int Seed { get; init; }
    /// <summary>The method's configuration as JSON; its hash is part of the run's key.</summary>
    public required string Config { get; init; }
    public required BinaryEvaluation Metrics { get; init; }
    public required double TrainSeconds { get; init; }
    public double PredictSeconds { get; init; }
    /// <summary>Peak resident memory of the process during the run, bytes.</summary>
    public required long PeakMemoryBytes { get; init; }
    public required string Versions { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }
    public int? Layers { get; init; }
    public double? Mad { get; init; }
    /// <summary>The store's row id (0 for a run not read from a store).</summary>
    public long Id { get; init; }

    /// <summary>
    /// The configuration's part of the key: by default the hash of <see cref="Config"/>; a run whose stored
    /// configuration was extended after the fit (a searched architecture) keeps the hash of its method's
    /// configuration as given, so all its seeds share one key and one leaderboard row.
    /// </summary>
    public string ConfigHash { get => _configHash ?? HashOfConfig(Config); init => _configHash = value; }
    private readonly string? _configHash;

    public RunKey Key => new(Method, DatasetHash, Seed, ConfigHash);

    /// <summary>16 hex digits of XxHash64 over the configuration's UTF-8 bytes.</summary>
    public static string HashOfConfig(string config) => Convert.ToHexStringLower(XxHash64.Hash(Encoding.UTF8.GetBytes(config)));
}
