using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using Vigil.Bots.IO;
using Vigil.Bots.Statistics;
using Vigil.Bots.Validation;
using Vigil.Cli.Output;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil bots stats DIR</c>: entity and relation counts, label balance per split, the follow graph's degree
/// distribution, and how fast the folder was read (MB/s, peak memory).
/// </summary>
public static class BotsStatsCommand
{
    public static Command Create()
    {
        var directory = BotsCommand.DirectoryArgument();
        var policy = BotsCommand.PolicyOption("lenient",
            "How problems in the data are handled while reading: lenient (default) skips and counts them, strict stops at the first.");
        var json = new Option<bool>("--json") { Description = "Write the statistics as one JSON object on stdout." };
        var cmd = new Command("stats", "Summarise a dataset folder: entities, relations, labels and splits, follow-degree distribution, read throughput.")
        {
            directory, policy, json,
        };
        cmd.SetAction(parse =>
        {
            var dir = parse.GetValue(directory)!;
            try
            {
                long bytes = TwiBotFiles.DataFiles(dir).Sum(FileBytes);
                var clock = Stopwatch.StartNew();
                var dataset = TwiBotReader.Read(dir, new TwiBotReaderOptions { Policy = ValidationPolicy.Parse(parse.GetValue(policy)!), LoadTweetText = false });
                double seconds = clock.Elapsed.TotalSeconds;
                double peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
                var stats = BotDatasetStatistics.Compute(dataset);
                var document = BotsStatsDocument.From(stats, dir, bytes, seconds, peakMb, dataset.Report.SkippedCount);
                if (parse.GetValue(json)) Terminal.WriteJson(document);
                Print(document, stats);
                return 0;
            }
            catch (BotDataFormatException e)
            {
                return Terminal.Fail(e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                return Terminal.Fail(e.Message);
            }
        });
        return cmd;
    }

    // A linked file counts with its target's size.
    private static long FileBytes(string path)
    {
        var info = new FileInfo(path);
        return (info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info).Length;
    }

    private static void Print(BotsStatsDocument d, BotDatasetStatistics s)
    {
        Terminal.Info($"[bold]{Markup.Escape(s.Name)}[/] ({s.Layout}): read {d.BytesRead / 1e6:F1} MB in {d.ReadSeconds:F2} s " +
            $"({d.ReadMbPerSecond:F0} MB/s), peak memory {d.PeakMemoryMb:F0} MB{(d.ProblemsSkipped > 0 ? $"; [yellow]{d.ProblemsSkipped} problems skipped (see vigil bots validate)[/]" : "")}");
        var counts = new Table().AddColumns("entity", "count");
        foreach (var (name, count) in s.Entities) counts.AddRow(name, count.ToString("N0"));
        foreach (var (name, count) in s.Relations) counts.AddRow($"edges: {Markup.Escape(name)}", count.ToString("N0"));
        Terminal.Human.Write(counts);

        var labels = new Table().AddColumns("split", "users", "human", "bot", "unlabelled", "bot share");
        foreach (var (name, c) in s.Splits.Append(new KeyValuePair<string, LabelCounts>("all", s.Labels)))
            labels.AddRow(name, c.Total.ToString("N0"), c.Human.ToString("N0"), c.Bot.ToString("N0"), c.Unlabelled.ToString("N0"),
                double.IsNaN(c.BotFraction) ? "–" : $"{c.BotFraction:P1}");
        Terminal.Human.Write(labels);

        var degrees = new Table().Title($"user–user follow degrees ({s.FollowEdges:N0} edges)").AddColumns("degree", "min", "median", "mean", "p99", "max");
        foreach (var (name, g) in new[] { ("out", s.FollowOutDegree), ("in", s.FollowInDegree), ("total", s.FollowDegree) })
            degrees.AddRow(name, g.Min.ToString(), $"{g.Median:G4}", $"{g.Mean:F2}", g.P99.ToString(), g.Max.ToString());
        Terminal.Human.Write(degrees);
    }
}
