using System.Diagnostics;
using System.Text.Json;
using Vigil.Bots.IO;

namespace Vigil.Bench.Bots;

/// <summary>
/// Reads a TwiBot-22 folder with <see cref="TwiBotReader"/> and prints one JSON line: MB/s of <c>user.json</c>, of the
/// <c>tweet_*.json</c> files together, and of the whole folder; the peak resident memory (VmHWM); and the managed heap
/// still held by the loaded dataset, so the reader's own memory (peak minus kept data) can be told apart.
/// <c>cold</c> drops the folder's files from the page cache first (only those files); <c>no-text</c> skips tweet texts
/// as the graph baselines do; <c>no-scan</c> reads every record token by token (<see cref="TwiBotReaderOptions.ScanRecords"/>
/// off, the reader before the record scanner); <c>tokens</c> adds the Utf8JsonReader ceiling (tweet files tokenised, nothing kept).
/// </summary>
public static class TwiBotReadBenchmark
{
    /// <summary>
    /// Bytes read, wall seconds, and the process's CPU seconds meanwhile: on a shared, loaded machine MB per CPU second
    /// says what the reader would do on an idle core.
    /// </summary>
    public sealed record Group(string Files, long Bytes, double Seconds, double MbPerSecond, double CpuSeconds, double MbPerCpuSecond);

    public sealed record Measurement(string Directory, bool Cold, bool TweetText, int Parallelism, bool ScanRecords, Group EntityJson, Group Users, Group Tweets, Group Total,
        int UserCount, int TweetCount, long EdgeCount, double PeakRssMb, double HeapAfterReadMb, Group? TweetTokensOnly,
        GcActivity? Gc = null, double HugePagesMb = 0);

    /// <summary>Collections, pause time and bytes allocated during the read: whether GC settings could matter at all.</summary>
    public sealed record GcActivity(int Collections, int Gen2Collections, double PauseSeconds, double AllocatedMb);

    /// <param name="parallelism">Threads for the entity files (1: the sequential read).</param>
    /// <param name="scanRecords">Read usual records with the record scanner (the default) or all token by token.</param>
    public static int Run(string directory, bool cold, bool tweetText, bool tokenCeiling, int parallelism, bool scanRecords)
    {
        if (cold) foreach (var file in TwiBotFiles.DataFiles(directory)) PageCache.Evict(file);
        var reads = new List<(TwiBotFileRead Read, double Cpu)>();
        // Wall and CPU seconds from the start to the moment each file was done: with files read in parallel, per-file
        // times overlap, so the entity JSON files are timed together, up to the last of them.
        var doneAt = new List<(double Wall, double Cpu)>();
        var process = Process.GetCurrentProcess();
        int gcBefore = GC.CollectionCount(0), gen2Before = GC.CollectionCount(2);
        var pauseBefore = GC.GetTotalPauseDuration();
        long allocatedBefore = GC.GetTotalAllocatedBytes();
        double lastCpu = process.TotalProcessorTime.TotalSeconds, startCpu = lastCpu;
        var clock = Stopwatch.StartNew();
        var dataset = TwiBotReader.Read(directory, new TwiBotReaderOptions
        {
            LoadTweetText = tweetText,
            Parallelism = parallelism,
            ScanRecords = scanRecords,
            FileRead = r =>
            {
                process.Refresh();
                double cpu = process.TotalProcessorTime.TotalSeconds;
                doneAt.Add((clock.Elapsed.TotalSeconds, cpu - startCpu));
                reads.Add((r, cpu - lastCpu));
                lastCpu = cpu;
                Console.Error.WriteLine($"[twibot-read] {r.File}: {r.Bytes / 1e6:F0} MB in {r.Elapsed.TotalSeconds:F2} s = {r.Bytes / 1e6 / r.Elapsed.TotalSeconds:F0} MB/s " +
                    $"({r.Bytes / 1e6 / reads[^1].Cpu:F0} MB per CPU s), peak {ProcessMemory.PeakMb():F0} MiB");
            },
        });
        double total = clock.Elapsed.TotalSeconds;
        process.Refresh();
        double totalCpu = process.TotalProcessorTime.TotalSeconds - startCpu;
        double peak = ProcessMemory.PeakMb();
        var gc = new GcActivity(GC.CollectionCount(0) - gcBefore, GC.CollectionCount(2) - gen2Before,
            (GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds, (GC.GetTotalAllocatedBytes() - allocatedBefore) / 1e6);
        double hugePages = ProcessMemory.AnonHugePagesMb();
        GC.Collect();
        double heap = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
        int lastJson = reads.FindLastIndex(r => r.Read.File.EndsWith(".json", StringComparison.Ordinal));
        long jsonBytes = reads.Where(r => r.Read.File.EndsWith(".json", StringComparison.Ordinal)).Sum(r => r.Read.Bytes);
        var (jsonWall, jsonCpu) = doneAt[lastJson];
        var m = new Measurement(directory, cold, tweetText, parallelism, scanRecords,
            new Group("user.json, tweet_*.json, list.json, hashtag.json", jsonBytes, jsonWall, jsonBytes / 1e6 / jsonWall, jsonCpu, jsonBytes / 1e6 / jsonCpu),
            Sum("user.json", reads.Where(r => r.Read.File == TwiBotFiles.Users)),
            Sum("tweet_*.json", reads.Where(r => r.Read.File.StartsWith("tweet_", StringComparison.Ordinal))),
            Sum("all", reads) with { Seconds = total, MbPerSecond = reads.Sum(r => r.Read.Bytes) / 1e6 / total, CpuSeconds = totalCpu,
                MbPerCpuSecond = reads.Sum(r => r.Read.Bytes) / 1e6 / totalCpu },
            dataset.Users.Count, dataset.Tweets.Count, dataset.EdgeCount, peak, heap, null, gc, hugePages);
        GC.KeepAlive(dataset);
        if (tokenCeiling)
        {
            var (bytes, tokens, seconds, cpu) = JsonTokenCeiling.Tokenise(TwiBotFiles.TweetFiles(directory));
            Console.Error.WriteLine($"[twibot-read] tokens only: {tokens:N0} tokens");
            m = m with { TweetTokensOnly = new Group("tweet_*.json, Utf8JsonReader tokens only", bytes, seconds, bytes / 1e6 / seconds, cpu, bytes / 1e6 / cpu) };
        }
        Console.Out.WriteLine(JsonSerializer.Serialize(m));
        return 0;
    }

    private static Group Sum(string name, IEnumerable<(TwiBotFileRead Read, double Cpu)> reads)
    {
        long bytes = reads.Sum(r => r.Read.Bytes);
        double seconds = reads.Sum(r => r.Read.Elapsed.TotalSeconds), cpu = reads.Sum(r => r.Cpu);
        return new Group(name, bytes, seconds, seconds > 0 ? bytes / 1e6 / seconds : 0, cpu, cpu > 0 ? bytes / 1e6 / cpu : 0);
    }
}
