using System.CommandLine;
using Spectre.Console;
using Vigil.Bots.IO;
using Vigil.Bots.Validation;
using Vigil.Cli.Output;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil bots validate DIR</c>: reads the whole folder, collecting every problem (file and line or byte offset),
/// and exits 1 when any problem is an error under the policy, 0 when none is, 2 when the folder cannot be read.
/// </summary>
public static class BotsValidateCommand
{
    public static Command Create()
    {
        var directory = BotsCommand.DirectoryArgument();
        var policy = BotsCommand.PolicyOption("strict",
            "strict: every problem is an error. lenient: problems are skipped and counted, except malformed JSON (which loses an unknown number of records).");
        var json = new Option<bool>("--json") { Description = "Write the report as one JSON object on stdout." };
        var cmd = new Command("validate", "Check a dataset folder: JSON syntax, ids, duplicates, labels, splits, relations; list every problem with its file and position.")
        {
            directory, policy, json,
        };
        cmd.SetAction(parse =>
        {
            var dir = parse.GetValue(directory)!;
            try
            {
                var chosen = ValidationPolicy.Parse(parse.GetValue(policy)!);
                var dataset = TwiBotReader.Read(dir, new TwiBotReaderOptions { Policy = chosen, StopAtFirstError = false, LoadTweetText = false });
                var report = dataset.Report;
                var document = BotsValidationDocument.From(dir, dataset, chosen);
                if (parse.GetValue(json)) Terminal.WriteJson(document);
                Print(document);
                return report.ErrorCount > 0 ? 1 : 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                return Terminal.Fail(e.Message);
            }
        });
        return cmd;
    }

    private static void Print(BotsValidationDocument d)
    {
        Terminal.Info($"[grey]{Markup.Escape(d.Directory)} ({d.Layout}): {d.Users} users, {d.Tweets} tweets, {d.Lists} lists, {d.Hashtags} hashtags, {d.Edges} edges[/]");
        if (d.Problems.Count > 0)
        {
            var table = new Table().AddColumns("problem", "action", "count", "first examples");
            foreach (var p in d.Problems)
                table.AddRow(Markup.Escape(p.Problem), p.Action == "error" ? "[red]error[/]" : "skipped", p.Count.ToString(),
                    Markup.Escape(string.Join("\n", p.Examples.Select(e => e.Text))));
            Terminal.Human.Write(table);
        }
        Terminal.Info(d.Valid
            ? $"[green]valid under the {d.Policy} policy[/]{(d.Skipped > 0 ? $" ({d.Skipped} problems skipped and counted)" : "")}"
            : $"[red]{d.Errors} errors under the {d.Policy} policy[/]{(d.Skipped > 0 ? $", {d.Skipped} problems skipped" : "")}");
    }
}
