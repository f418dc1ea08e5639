using System.CommandLine;
using Spectre.Console;
using Vigil.Bots.Baselines;
using Vigil.Bots.Baselines.Graph;
using Vigil.Bots.Benchmark;
using Vigil.Bots.Validation;
using Vigil.Cli.Output;
using Vigil.Core;
using Vigil.Core.Results;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil bench</c>: runs the benchmark protocol (every chosen method × N seeds) on a dataset folder, writes each
/// run to the results database as it finishes, and prints the leaderboard. <c>--resume</c> skips runs already stored;
/// Ctrl+C stops after the current run, leaving every finished run stored.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "Dataset folder in TwiBot format (label.csv, split.csv, user.json or node.json, edge.csv where present)." };
        var methods = new Option<string?>("--methods") { Description = $"Comma-separated methods to run (default: all). Known: {string.Join(", ", BaselineCatalog.Names)}." };
        var seeds = new Option<int>("--seeds") { Description = "Runs per method, seeds 0 … N−1.", DefaultValueFactory = _ => 5 };
        var db = new Option<string>("--db") { Description = "Results database (SQLite) to write.", DefaultValueFactory = _ => "vigil-results.db" };
        var resume = new Option<bool>("--resume") { Description = "Skip runs already in the database (pick up a stopped sweep)." };
        var json = new Option<bool>("--json") { Description = "Write the leaderboard as one JSON array on stdout." };
        var sampleAbove = new Option<int>("--sample-above")
        {
            Description = "Graph methods train on neighbour-sampled mini-batches when the dataset has more users than this.",
            DefaultValueFactory = _ => NeighborSampling.DefaultAboveUsers,
        };
        var cmd = new Command("bench", "Run the bot-detection benchmark: each method, N seeds, train/valid/test protocol; results into a SQLite database.")
        {
            data, methods, seeds, db, resume, json, sampleAbove,
        };
        cmd.SetAction(parse =>
        {
            using var cancellation = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                cancellation.Cancel();
                Terminal.Info("[yellow]stopping after the current run; finished runs are stored (resume with --resume)[/]");
            };
            Console.CancelKeyPress += onCancel;
            // Many models train in this one process and each reports its peak memory: keep the heap from ratcheting.
            TorchProcessSettings.BoundHeapGrowth();
            try
            {
                var directory = BenchDefaultDataset.Resolve(parse.GetValue(data));
                var chosen = parse.GetValue(methods) is { } list
                    ? BaselineCatalog.Select(list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    : BaselineCatalog.All();
                int above = parse.GetValue(sampleAbove);
                if (above < 0) return Terminal.Fail($"--sample-above must be non-negative, got {above}.");
                var sampling = NeighborSampling.Default with { AboveUsers = above };
                chosen = chosen.Select(d => d is NeuralBaseline neural ? neural.WithSampling(sampling) : d).ToList();
                int seedCount = parse.GetValue(seeds);
                if (seedCount < 1) return Terminal.Fail($"--seeds must be at least 1, got {seedCount}.");
                Terminal.Info($"reading [bold]{Markup.Escape(directory)}[/]");
                var dataset = BenchmarkDataset.FromDirectory(directory);
                using var store = ResultsStore.Open(parse.GetValue(db)!);
                var runner = new BenchmarkRunner(store, new BenchmarkOptions { Seeds = seedCount, Resume = parse.GetValue(resume) });
                var sweep = BenchProgressDisplay.Run(progress => runner.Run(dataset, chosen, progress, cancellation.Token));
                var keys = sweep.Keys.ToHashSet();
                var rows = Leaderboard.From(store.Runs().Where(r => keys.Contains(r.Key)));
                LeaderboardTable.Print(rows);
                Terminal.Info($"{sweep.Ran.Count} runs made, {sweep.Resumed.Count} found stored; database [bold]{Markup.Escape(store.Path)}[/]");
                if (parse.GetValue(json)) Terminal.WriteJson(rows.Select(LeaderboardRowDocument.From).ToList());
                return 0;
            }
            catch (OperationCanceledException)
            {
                Terminal.Info("[yellow]stopped; run again with --resume to finish the sweep[/]");
                return 130;
            }
            catch (BotDataFormatException e)
            {
                return Terminal.Fail(e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidDataException)
            {
                return Terminal.Fail(e.Message);
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        });
        return cmd;
    }
}
