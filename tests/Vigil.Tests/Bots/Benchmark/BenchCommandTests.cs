using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vigil.Bots.IO;
using Vigil.Core.Results;
using Vigil.Tests.Cli;

namespace Vigil.Tests.Bots.Benchmark;

/// <summary>The real <c>vigil</c> executable: bench, leaderboard and report on a small dataset folder.</summary>
public sealed class BenchCommandTests : IDisposable
{
    private readonly DatasetFolder _data = new();
    private readonly string _work = Path.Combine(Path.GetTempPath(), "vigil-bench-cli-" + Guid.NewGuid().ToString("N"));

    public BenchCommandTests()
    {
        TwiBotWriter.Write(SyntheticBots.Build(users: 200, seed: 12), _data.Path);
        Directory.CreateDirectory(_work);
    }

    private string Db => Path.Combine(_work, "results.db");

    [Fact]
    public void Bench_json_holds_one_row_per_method_with_each_metric_as_mean_and_std_and_then_leaderboard_and_report_read_the_database()
    {
        var bench = VigilProcess.Run("bench", "--data", _data.Path, "--methods", "Efthimion,Santos,Moghaddam", "--seeds", "2", "--db", Db, "--json");
        Assert.True(bench.ExitCode == 0, bench.Stderr);
        Assert.Contains("Moghaddam skipped", bench.Stderr);
        using (var json = JsonDocument.Parse(bench.Stdout))
        {
            var rows = json.RootElement.EnumerateArray().ToList();
            Assert.Equal(["Efthimion", "Santos"], rows.Select(r => r.GetProperty("method").GetString()).Order());
            foreach (var row in rows)
            {
                Assert.Equal("feature", row.GetProperty("family").GetString());
                Assert.Equal(2, row.GetProperty("runs").GetInt32());
                foreach (var metric in new[] { "accuracy", "precision", "recall", "f1", "mcc", "roc_auc" })
                {
                    double mean = row.GetProperty(metric).GetProperty("mean").GetDouble();
                    Assert.InRange(mean, -1, 1);
                    // Both methods are deterministic.
                    Assert.Equal(0, row.GetProperty(metric).GetProperty("std").GetDouble());
                }
                Assert.True(row.GetProperty("accuracy").GetProperty("mean").GetDouble() > 0.7);
            }
        }

        var outFolder = Path.Combine(_work, "board");
        var board = VigilProcess.Run("leaderboard", "--db", Db, "--out", outFolder, "--json");
        Assert.True(board.ExitCode == 0, board.Stderr);
        Assert.Equal(2, JsonDocument.Parse(board.Stdout).RootElement.GetArrayLength());
        Assert.Contains("| Efthimion | feature |", File.ReadAllText(Path.Combine(outFolder, "leaderboard.md")));
        Assert.Equal(3, File.ReadAllLines(Path.Combine(outFolder, "leaderboard.csv")).Length);

        var html = Path.Combine(_work, "report.html");
        var report = VigilProcess.Run("report", "--db", Db, "--out", html);
        Assert.True(report.ExitCode == 0, report.Stderr);
        var page = File.ReadAllText(html);
        Assert.Contains("<table class=\"leaderboard\"", page);
        Assert.Contains("id=\"roc-1\"", page);
    }

    [Fact]
    public void Bench_without_data_generates_the_built_in_dataset_once_into_the_cache()
    {
        var cache = Path.Combine(_work, "cache");
        var env = new Dictionary<string, string> { ["VIGIL_CACHE"] = cache };
        var first = VigilProcess.RunWithEnvironment(env, "bench", "--methods", "Efthimion", "--seeds", "1", "--db", Db, "--json");
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains("generating the built-in dataset", first.Stderr);
        var folder = Assert.Single(Directory.GetDirectories(cache));
        Assert.True(File.Exists(Path.Combine(folder, "edge.csv")), "the generated dataset has a follow graph");
        var row = Assert.Single(JsonDocument.Parse(first.Stdout).RootElement.EnumerateArray().ToList());
        Assert.True(row.GetProperty("accuracy").GetProperty("mean").GetDouble() > 0.8);

        // The second sweep reuses the folder (same bytes, so --resume finds the stored run).
        var again = VigilProcess.RunWithEnvironment(env, "bench", "--methods", "Efthimion", "--seeds", "1", "--db", Db, "--resume");
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.DoesNotContain("generating", again.Stderr);
        Assert.Contains("0 runs made, 1 found stored", again.Stderr);
    }

    [Fact]
    public void Bench_with_an_unknown_method_fails_with_a_clear_message()
    {
        var unknown = VigilProcess.Run("bench", "--data", _data.Path, "--methods", "Lee,Nope", "--db", Db);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Unknown method 'Nope'", unknown.Stderr);

        var negative = VigilProcess.Run("bench", "--data", _data.Path, "--methods", "GCN", "--sample-above", "-1", "--db", Db);
        Assert.Equal(2, negative.ExitCode);
        Assert.Contains("--sample-above", negative.Stderr);

        var missing = VigilProcess.Run("leaderboard", "--db", Path.Combine(_work, "none.db"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("does not exist", missing.Stderr);
    }

    [Fact]
    public void A_killed_sweep_resumes_without_losing_or_repeating_a_finished_run()
    {
        // Efthimion's runs take milliseconds and GCN's about a second each: the kill after two finished runs lands while
        // work remains, however far the pipe lets the child run ahead of this reader (with only fast methods, CI saw
        // all nine runs finish before the kill).
        using var withEdges = new DatasetFolder();
        TwiBotWriter.Write(SyntheticBots.Build(users: 200, seed: 12, edges: true), withEdges.Path);
        string[] args = ["bench", "--data", withEdges.Path, "--methods", "Efthimion,GCN", "--seeds", "3", "--db", Db];
        const int planned = 6;
        // Kill the process (no chance to clean up) once two runs have reported finishing.
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vigil.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using (var p = Process.Start(psi)!)
        {
            _ = p.StandardOutput.ReadToEndAsync();
            int finished = 0;
            string? line;
            while ((line = p.StandardError.ReadLine()) is not null)
            {
                if (line.Contains("accuracy") && ++finished == 2) break;
            }
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            Assert.Equal(2, finished);
        }
        List<(RunKey Key, long Id)> before;
        using (var store = ResultsStore.Open(Db)) before = store.Runs().Select(r => (r.Key, r.Id)).ToList();
        Assert.InRange(before.Count, 2, planned - 1);

        var resumed = VigilProcess.Run([.. args, "--resume"]);
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.True(resumed.Stderr.Contains($"{planned - before.Count} runs made, {before.Count} found stored"), resumed.Stderr);
        using (var store = ResultsStore.Open(Db))
        {
            var after = store.Runs();
            Assert.Equal(planned, after.Count);
            Assert.Equal(planned, after.Select(r => r.Key).Distinct().Count());
            foreach (var (key, id) in before) Assert.Equal(id, after.Single(r => r.Key == key).Id);
        }
    }

    public void Dispose()
    {
        _data.Dispose();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }
}
