using System.CommandLine;
using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Core.Reports;
using Vigil.Core.Results;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil report --out FILE.html</c>: one self-contained HTML page from a results database (leaderboard, accuracy
/// chart, ROC curves, confusion matrices, depth/MAD for graph methods; charts inlined as PNG data URIs).
/// </summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var db = DatabaseOption();
        var output = new Option<string>("--out") { Description = "The HTML file to write.", Required = true };
        var cmd = new Command("report", "Write a self-contained HTML report of a results database: leaderboard, ROC curves, confusion matrices, depth/MAD plots.")
        {
            db, output,
        };
        cmd.SetAction(parse =>
        {
            try
            {
                var path = parse.GetValue(db)!;
                if (!File.Exists(path)) return Terminal.Fail($"Results database '{path}' does not exist (vigil bench writes it).");
                using var store = ResultsStore.Open(path);
                var html = BenchmarkReport.Write(store.Runs(), store.Predictions, DateTimeOffset.UtcNow);
                var file = parse.GetValue(output)!;
                var folder = Path.GetDirectoryName(Path.GetFullPath(file));
                if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
                File.WriteAllText(file, html);
                Terminal.Info($"wrote [bold]{Markup.Escape(file)}[/] ({html.Length / 1024.0:F0} KiB)");
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or Microsoft.Data.Sqlite.SqliteException)
            {
                return Terminal.Fail(e.Message);
            }
        });
        return cmd;
    }

    internal static Option<string> DatabaseOption() =>
        new("--db") { Description = "Results database (SQLite) written by vigil bench.", DefaultValueFactory = _ => "vigil-results.db" };
}
