using Vigil.Bots.Data;
using Vigil.Bots.IO;

namespace Vigil.Bots.Benchmark;

/// <summary>A dataset under benchmark: its name on the leaderboard, a content hash (part of every run's key), the data.</summary>
public sealed record BenchmarkDataset(string Name, string Hash, BotDataset Data)
{
    /// <summary>Reads a dataset folder with <see cref="TwiBotReader"/>; the hash is <see cref="DatasetFingerprint.OfDirectory"/>.</summary>
    public static BenchmarkDataset FromDirectory(string directory, TwiBotReaderOptions? options = null)
    {
        var hash = DatasetFingerprint.OfDirectory(directory);
        var data = TwiBotReader.Read(directory, options);
        return new BenchmarkDataset(data.Name, hash, data);
    }
}
