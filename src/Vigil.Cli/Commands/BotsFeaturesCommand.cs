using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using Vigil.Bots.Features;
using Vigil.Bots.IO;
using Vigil.Bots.Validation;
using Vigil.Core.Text;
using Vigil.Cli.Output;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil bots features DIR [--encoder hashed|minilm]</c>: extracts the BotRGCN feature blocks and the follow graph,
/// caching the blocks so a second run reads them back, and prints their shapes, the time taken and users/s.
/// </summary>
public static class BotsFeaturesCommand
{
    public static Command Create()
    {
        var directory = BotsCommand.DirectoryArgument();
        var encoder = new Option<string>("--encoder") { Description = "Text encoder for descriptions and tweets: hashed (fast hashed n-grams, default) or minilm (all-MiniLM-L6-v2, offline).", DefaultValueFactory = _ => TextEncoders.Hashed };
        encoder.AcceptOnlyFromAmong(TextEncoders.Names.ToArray());
        var tweets = new Option<int>("--tweets") { Description = "Tweets per user averaged into the tweet embedding.", DefaultValueFactory = _ => BotFeatureOptions.DefaultTweetsPerUser };
        var scope = new Option<string>("--normalize-over") { Description = "Users the numeric z-scores are computed over: all (BotRGCN, default) or train.", DefaultValueFactory = _ => "all" };
        scope.AcceptOnlyFromAmong("all", "train");
        var cache = new Option<string>("--cache") { Description = "Folder of cached feature files.", DefaultValueFactory = _ => DefaultCacheDirectory() };
        var noCache = new Option<bool>("--no-cache") { Description = "Compute the features without reading or writing the cache." };
        var policy = BotsCommand.PolicyOption("lenient", "How problems in the data are handled while reading: lenient (default) skips and counts them, strict stops at the first.");
        var json = new Option<bool>("--json") { Description = "Write shapes, timings and throughput as one JSON object on stdout." };
        var cmd = new Command("features", "Extract the BotRGCN features (numeric, categorical, description and tweet embeddings) and the follow graph; cached per dataset and settings.")
        {
            directory, encoder, tweets, scope, cache, noCache, policy, json,
        };
        cmd.SetAction(parse =>
        {
            var dir = parse.GetValue(directory)!;
            try
            {
                var clock = Stopwatch.StartNew();
                var dataset = TwiBotReader.Read(dir, new TwiBotReaderOptions { Policy = ValidationPolicy.Parse(parse.GetValue(policy)!) });
                double readSeconds = clock.Elapsed.TotalSeconds;
                Terminal.Info($"[grey]read {Markup.Escape(dir)}: {dataset.Users.Count:N0} users, {dataset.Tweets.Count:N0} tweets in {readSeconds:F2} s[/]");
                var cacheDirectory = parse.GetValue(noCache) ? null : parse.GetValue(cache);
                using var textEncoder = TextEncoders.Create(parse.GetValue(encoder)!);
                clock.Restart();
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var features = BotFeatureExtractor.Extract(dataset, textEncoder, new BotFeatureOptions
                {
                    TweetsPerUser = parse.GetValue(tweets),
                    Normalization = parse.GetValue(scope) == "train" ? NormalizationScope.TrainingUsers : NormalizationScope.AllUsers,
                    CacheDirectory = cacheDirectory,
                    Progress = line => Terminal.Info($"[grey]{Markup.Escape(line)}[/]"),
                });
                double seconds = clock.Elapsed.TotalSeconds;
                double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
                var cacheFile = cacheDirectory is null ? null : BotFeatureCacheFile.PathFor(cacheDirectory, features.Key);
                var document = BotsFeaturesDocument.From(features, dir, cacheFile, readSeconds, seconds, cpuSeconds, Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0);
                if (parse.GetValue(json)) Terminal.WriteJson(document);
                Print(document);
                return 0;
            }
            catch (BotDataFormatException e)
            {
                return Terminal.Fail(e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
            {
                return Terminal.Fail(e.Message);
            }
        });
        return cmd;
    }

    /// <summary><c>$XDG_CACHE_HOME/vigil/bot-features</c>, else <c>~/.cache/vigil/bot-features</c>.</summary>
    private static string DefaultCacheDirectory()
    {
        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrWhiteSpace(root)) root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "vigil", "bot-features");
    }

    private static void Print(BotsFeaturesDocument d)
    {
        var table = new Table().AddColumns("block", "shape");
        foreach (var (name, shape) in new[] { ("numeric", d.Numeric), ("categorical", d.Categorical), ("description", d.Description), ("tweets", d.Tweets) })
            table.AddRow(name, $"{shape[0]:N0} × {shape[1]}");
        foreach (var (relation, edges) in d.FollowRelations) table.AddRow($"edges: {Markup.Escape(relation)}", edges.ToString("N0"));
        Terminal.Human.Write(table);
        Terminal.Info($"[bold]{Markup.Escape(d.Encoder)}[/]: {d.Users:N0} users ({d.SelectedTweets:N0} tweets embedded) in {d.FeatureSeconds:F2} s ({d.FeatureCpuSeconds:F2} CPU s) = {d.UsersPerSecond:F0} users/s" +
            $"{(d.FromCache ? " [green](from cache)[/]" : "")}; labelled {d.Labelled:N0} (train {d.Train:N0} / valid {d.Valid:N0} / test {d.Test:N0}); peak memory {d.PeakMemoryMb:F0} MB");
    }
}
