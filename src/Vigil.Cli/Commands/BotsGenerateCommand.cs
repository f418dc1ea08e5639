using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using Vigil.Bots.Generation;
using Vigil.Cli.Output;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil bots generate --users N --seed S --out DIR</c>: a synthetic TwiBot-22-format dataset (the built-in default
/// data), streamed to disk with progress on stderr; <c>--json</c> puts a summary on stdout.
/// </summary>
public static class BotsGenerateCommand
{
    public static Command Create()
    {
        var users = new Option<int>("--users") { Description = "Number of users (1,000 to 1,000,000 intended).", DefaultValueFactory = _ => 5_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same bytes.", DefaultValueFactory = _ => 0 };
        var output = new Option<string>("--out") { Description = "Folder to write (created if missing; files in it are overwritten).", Required = true };
        var difficulty = new Option<double>("--difficulty")
        {
            Description = "Share of bots that mimic humans in profile and text (only their graph neighbourhood betrays them).",
            DefaultValueFactory = _ => new BotDatasetGeneratorOptions().Difficulty,
        };
        var botShare = new Option<double>("--bot-share") { Description = "Share of users that are bots (TwiBot-22: 0.14).", DefaultValueFactory = _ => new BotDatasetGeneratorOptions().BotShare };
        var tweets = new Option<double>("--tweets-per-user") { Description = "Mean tweets per user.", DefaultValueFactory = _ => new BotDatasetGeneratorOptions().TweetsPerUser };
        var json = new Option<bool>("--json") { Description = "Write a summary as one JSON object on stdout." };
        var cmd = new Command("generate", "Generate a synthetic dataset in the TwiBot-22 layout: users, tweets, lists, hashtags, all 14 relations, labels, splits.")
        {
            users, seed, output, difficulty, botShare, tweets, json,
        };
        cmd.SetAction(parse =>
        {
            var options = new BotDatasetGeneratorOptions
            {
                Users = parse.GetValue(users),
                Seed = parse.GetValue(seed),
                Difficulty = parse.GetValue(difficulty),
                BotShare = parse.GetValue(botShare),
                TweetsPerUser = parse.GetValue(tweets),
            };
            var dir = parse.GetValue(output)!;
            try
            {
                options.Validate();
                var clock = Stopwatch.StartNew();
                var summary = BotDatasetGenerator.WriteTo(options, dir, progress: message => Terminal.Info($"[grey]{clock.Elapsed.TotalSeconds,6:F1}s[/] {Markup.Escape(message)}"));
                double seconds = clock.Elapsed.TotalSeconds;
                double peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
                var document = new BotsGenerateDocument(summary, options.Seed, options.Difficulty, options.BotShare, seconds, peakMb);
                if (parse.GetValue(json)) Terminal.WriteJson(document);
                Terminal.Info($"wrote [bold]{Markup.Escape(dir)}[/]: {summary.Users:N0} users ({summary.Bots:N0} bots), {summary.Tweets:N0} tweets, " +
                    $"{summary.Lists:N0} lists, {summary.Hashtags:N0} hashtags, {summary.Edges:N0} edges in {summary.Relations.Count} relations; " +
                    $"{summary.Bytes / 1e6:F1} MB in {seconds:F1} s, peak memory {peakMb:F0} MB");
                return 0;
            }
            catch (ArgumentOutOfRangeException e)
            {
                return Terminal.Fail(e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Terminal.Fail(e.Message);
            }
        });
        return cmd;
    }
}
