using System.CommandLine;
using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Core.Reports;
using Vigil.Core.Results;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil leaderboard</c>: every method × dataset in a results database as mean ± std over seeds; with <c>--out</c>
/// also <c>leaderboard.md</c> and <c>leaderboard.csv</c> in that folder.
/// </summary>
public static class LeaderboardCommand
{
    public const string MarkdownFile = "leaderboard.md";
    public const string CsvFile = "leaderboard.csv";

    public static Command Create()
    {
        var db = ReportCommand.DatabaseOption();
        var output = new Option<string?>("--out") { Description = $"Folder to write {MarkdownFile} and {CsvFile} into." };
        var json = new Option<bool>("--json") { Description = "Write the leaderboard as one JSON array on stdout." };
        var cmd = new Command("leaderboard", "Print the benchmark leaderboard (methods × datasets, mean ± std) from a results database; write Markdown and CSV.")
        {
            db, output, json,
        };
        cmd.SetAction(parse =>
        {
            try
            {
                var path = parse.GetValue(db)!;
                if (!File.Exists(path)) return Terminal.Fail($"Results database '{path}' does not exist (vigil bench writes it).");
                using var store = ResultsStore.Open(path);
                var rows = Leaderboard.From(store.Runs());
                LeaderboardTable.Print(rows);
                if (parse.GetValue(output) is { } folder)
                {
                    Directory.CreateDirectory(folder);
                    File.WriteAllText(Path.Combine(folder, MarkdownFile), LeaderboardMarkdown.Write(rows));
                    File.WriteAllText(Path.Combine(folder, CsvFile), LeaderboardCsv.Write(rows));
                    Terminal.Info($"wrote [bold]{Markup.Escape(Path.Combine(folder, MarkdownFile))}[/] and [bold]{Markup.Escape(Path.Combine(folder, CsvFile))}[/]");
                }
                if (parse.GetValue(json)) Terminal.WriteJson(rows.Select(LeaderboardRowDocument.From).ToList());
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or Microsoft.Data.Sqlite.SqliteException)
            {
                return Terminal.Fail(e.Message);
            }
        });
        return cmd;
    }
}
