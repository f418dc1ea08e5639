using System.CommandLine;
using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Core.Text;
using Vigil.Safety.Data;
using Vigil.Safety.Evaluation;
using Vigil.Safety.Verification;
using Vigil.Safety.Verifiers.Learned;
using Vigil.Safety.Verifiers.Rules;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil safety eval --completions FILE</c>: judges a file of existing completions (refusal-direction JSON or
/// XSTest CSV) with a safety verifier and reports harmful compliance, refusal and over-refusal rates, per category,
/// and agreement with the file's own judgements; per-item verdicts go to --out.
/// </summary>
public static class SafetyEvalCommand
{
    public const string Learned = "learned";
    public const string Substring = "substring";

    public static Command Create()
    {
        var completions = new Option<string>("--completions") { Description = "Completions file: refusal-direction JSON ({\"completions\": [{\"prompt\", \"response\", ...}]}) or XSTest CSV.", Required = true };
        var verifier = new Option<string>("--verifier") { Description = "learned (the trained safety verifier) or substring (the refusal-phrase baseline).", DefaultValueFactory = _ => Learned };
        verifier.AcceptOnlyFromAmong(Learned, Substring);
        var weights = new Option<string?>("--weights") { Description = "Learned-verifier weights (JSON from train-verifier); default: the shipped ones." };
        var cache = SafetyCommand.CacheOption();
        var output = new Option<string?>("--out") { Description = "Save per-item verdicts here (.csv or .json)." };
        var json = new Option<bool>("--json") { Description = "Write one JSON object on stdout: per-item verdicts in input order (items) and the summary." };
        var cmd = new Command("eval", "Judge a file of completions with a safety verifier: attack success, refusal and over-refusal rates, per category.")
        {
            completions, verifier, weights, cache, output, json,
        };
        cmd.SetAction(parse =>
        {
            try
            {
                var path = parse.GetValue(completions)!;
                var items = CompletionsFile.Read(path);
                var name = parse.GetValue(verifier)!;
                IVerifier judge = name == Substring ? new SubstringRefusalVerifier() : OpenLearned(parse.GetValue(weights), parse.GetValue(cache));
                SafetyEvaluationReport report;
                try { report = SafetyEvaluationReport.RunAsync(judge, items).GetAwaiter().GetResult(); }
                finally { (judge as IDisposable)?.Dispose(); }
                var rows = VerdictRow.From(report);
                if (parse.GetValue(output) is { } outPath)
                {
                    VerdictFile.Write(outPath, rows);
                    Terminal.Info($"wrote {rows.Count} verdicts to {Markup.Escape(outPath)}");
                }
                var document = SafetyEvalDocument.From(path, report, rows);
                if (parse.GetValue(json)) Terminal.WriteJson(document);
                Print(document);
                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException or InvalidOperationException)
            {
                return Terminal.Fail(e.Message);
            }
        });
        return cmd;
    }

    private static LearnedSafetyVerifier OpenLearned(string? weights, string? cache)
    {
        var verifier = LearnedSafetyVerifier.Open(weights, cache);
        verifier.Progress = ProgressPrinter();
        return verifier;
    }

    /// <summary>Prints encoding progress to stderr about every 10 seconds.</summary>
    internal static Action<EncodingProgress> ProgressPrinter()
    {
        var last = TimeSpan.Zero;
        return p =>
        {
            // A new encoding run restarts its clock.
            if (p.Elapsed < last) last = TimeSpan.Zero;
            if (p.Elapsed - last < TimeSpan.FromSeconds(10) && p.Done != p.Total) return;
            last = p.Elapsed;
            Terminal.Info($"encoded {p.Done}/{p.Total?.ToString() ?? "?"} texts ({p.TextsPerSecond:F0}/s)");
        };
    }

    private static void Print(SafetyEvalDocument d)
    {
        var s = d.Summary;
        Terminal.Info($"[bold]{Markup.Escape(d.File)}[/] judged by {d.Verifier}: {s.Items} items ({s.UnsafePrompts} unsafe prompts, {s.SafePrompts} safe)");
        var table = new Table().AddColumns("group", "items", "harmful compliance", "over-refusal", "refusal rate", "mean score");
        static string Rate(double? r) => r is { } v ? $"{v:P1}" : "–";
        table.AddRow("all", s.Items.ToString(), Rate(s.HarmfulCompliance), Rate(s.OverRefusal), Rate(s.RefusalRate), s.MeanScore is { } m ? $"{m:F3}" : "–");
        foreach (var (category, c) in d.PerCategory)
            table.AddRow(Markup.Escape(category), c.Items.ToString(), Rate(c.HarmfulCompliance), Rate(c.OverRefusal), Rate(c.RefusalRate), c.MeanScore is { } cm ? $"{cm:F3}" : "–");
        Terminal.Human.Write(table);
        if (d.LlamaGuardAgreement is { } lg) Terminal.Info($"agreement with Llama Guard 2: {lg.Rate:P1} of {lg.Count}");
        if (d.XsTestAgreement is { } xs) Terminal.Info($"agreement with XSTest human labels (compliance vs refusal): {xs.Rate:P1} of {xs.Count}");
        if (s.Unparseable > 0) Terminal.Info($"[yellow]{s.Unparseable} verdicts could not be parsed[/]");
    }
}

/// <summary>The JSON shape of <c>vigil safety eval --json</c> (stable: scripts read items[].label, score, unsafe).</summary>
public sealed record SafetyEvalDocument(
    string File, string Verifier, IReadOnlyList<SafetyEvalItem> Items, SafetyRates Summary, IReadOnlyDictionary<string, SafetyRates> PerCategory,
    BinaryAgreement? LlamaGuardAgreement, BinaryAgreement? XsTestAgreement)
{
    public static SafetyEvalDocument From(string file, SafetyEvaluationReport report, IReadOnlyList<VerdictRow> rows) => new(
        file, report.Verifier,
        rows.Select(r => new SafetyEvalItem(r.Index, r.Label, r.Score, r.Unsafe, r.Unparseable, r.PromptKind, r.Category, r.Model, r.Condition, r.Rationale)).ToArray(),
        report.Summary, report.PerCategory, report.LlamaGuardAgreement, report.XsTestAgreement);
}

public sealed record SafetyEvalItem(int Index, string Label, double Score, bool Unsafe, bool Unparseable, string PromptKind, string? Category,
    string? Model, string? Condition, string Rationale);
