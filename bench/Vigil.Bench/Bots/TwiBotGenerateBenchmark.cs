using System.Diagnostics;
using System.Text.Json;
using Vigil.Bots.Generation;

namespace Vigil.Bench.Bots;

/// <summary>
/// Times <see cref="BotDatasetGenerator.WriteTo"/> (tweets streamed to disk) and prints one JSON line: sizes, seconds,
/// MB written per second and the process's peak resident memory.
/// </summary>
public static class TwiBotGenerateBenchmark
{
    public sealed record Measurement(int Users, int Bots, long Tweets, long Edges, double Gigabytes, double Seconds, double MbPerSecond, double PeakRssMb);

    public static int Run(string directory, int users, double tweetsPerUser, int seed)
    {
        var clock = Stopwatch.StartNew();
        var summary = BotDatasetGenerator.WriteTo(new BotDatasetGeneratorOptions { Users = users, TweetsPerUser = tweetsPerUser, Seed = seed }, directory,
            progress: m => Console.Error.WriteLine($"[twibot-generate {clock.Elapsed.TotalSeconds,6:F1}s] {m}"));
        double seconds = clock.Elapsed.TotalSeconds;
        var m = new Measurement(summary.Users, summary.Bots, summary.Tweets, summary.Edges, summary.Bytes / 1e9, seconds,
            summary.Bytes / 1e6 / seconds, ProcessMemory.PeakMb());
        Console.Out.WriteLine(JsonSerializer.Serialize(m));
        return 0;
    }
}
