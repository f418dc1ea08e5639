using System.CommandLine;
using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Core;
using Vigil.Core.Text;
using Vigil.Safety.Data;
using Vigil.Safety.Evaluation;
using Vigil.Safety.Suites;
using Vigil.Safety.Verification;
using Vigil.Safety.Verifiers.Learned;
using Vigil.Safety.Verifiers.Rules;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil safety eval --completions FILE</c>: judges a file of existing completions (refusal-direction JSON or
/// XSTest CSV) with a safety verifier and reports harmful compliance, refusal and over-refusal rates, per category,
/// and agreement with the file's own judgements; per-item verdicts go to --out.
/// <c>vigil safety eval --suite xstest,advbench,harmless --model …</c> first runs a policy over the suites' prompts
/// (an OpenAI-compatible endpoint, or an in-process checkpoint) and judges its answers the same way, per suite too.
/// </summary>
public static class SafetyEvalCommand
{
    public const string Learned = "learned";
    public const string Substring = "substring";

    public static Command Create()
    {
        var completions = new Option<string?>("--completions") { Description = "Completions file: refusal-direction JSON ({\"completions\": [{\"prompt\", \"response\", ...}]}) or XSTest CSV." };
        var suite = new Option<string?>("--suite") { Description = $"Run a policy (--model) over these comma-separated suites instead of reading completions: {string.Join(", ", SafetySuites.Names)}." };
        var model = new Option<string?>("--model") { Description = "The policy: a model name served at --endpoint, or a Hugging Face-layout checkpoint directory (config.json) run in-process." };
        var endpoint = new Option<string?>("--endpoint") { Description = "Base URL of an OpenAI-compatible chat-completions server, e.g. http://localhost:8000/v1." };
        var apiKey = new Option<string?>("--api-key") { Description = "API key for --endpoint; default: $OPENAI_API_KEY, or none." };
        var limit = new Option<int?>("--limit") { Description = "Run at most this many prompts per suite (a seeded random sample, kept in file order)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the --limit sample.", DefaultValueFactory = _ => 0 };
        var maxTokens = new Option<int>("--max-tokens") { Description = "Most tokens the policy generates per prompt.", DefaultValueFactory = _ => new PolicyRunOptions().MaxTokens };
        var temperature = new Option<float>("--temperature") { Description = "Sampling temperature of the policy (0: greedy).", DefaultValueFactory = _ => 0f };
        var concurrency = new Option<int>("--concurrency") { Description = "Policy requests in flight at once.", DefaultValueFactory = _ => new PolicyRunOptions().MaxConcurrency };
        var systemPrompt = new Option<string?>("--system-prompt") { Description = "A system message sent before each suite prompt." };
        var data = new Option<string?>("--data") { Description = "The data folder's safety/ directory (suite prompts); default: safety/ under $VIGIL_DATA or ../shared/data." };
        var saveCompletions = new Option<string?>("--save-completions") { Description = "Save the policy's answers as a refusal-direction-layout JSON file, so they can be judged again with --completions." };
        var verifier = new Option<string>("--verifier") { Description = "learned (the trained safety verifier) or substring (the refusal-phrase baseline).", DefaultValueFactory = _ => Learned };
        verifier.AcceptOnlyFromAmong(Learned, Substring);
        var weights = new Option<string?>("--weights") { Description = "Learned-verifier weights (JSON from train-verifier); default: the shipped ones." };
        var cache = SafetyCommand.CacheOption();
        var output = new Option<string?>("--out") { Description = "Save per-item verdicts here (.csv or .json)." };
        var json = new Option<bool>("--json") { Description = "Write one JSON object on stdout: per-item verdicts in input order (items) and the summary." };
        var cmd = new Command("eval", "Judge completions with a safety verifier — from a file, or by running a policy over the xstest/advbench/harmless suites: attack success, refusal and over-refusal rates, per suite and category.")
        {
            completions, suite, model, endpoint, apiKey, limit, seed, maxTokens, temperature, concurrency, systemPrompt, data, saveCompletions,
            verifier, weights, cache, output, json,
        };
        cmd.SetAction(parse =>
        {
            try
            {
                IReadOnlyList<CompletionItem> items;
                string source;
                var path = parse.GetValue(completions);
                var suites = parse.GetValue(suite);
                if (path is not null && suites is not null) throw new ArgumentException("Give either --completions FILE or --suite LIST (with --model), not both.");
                if (path is not null)
                {
                    items = CompletionsFile.Read(path);
                    source = path;
                }
                else if (suites is not null)
                {
                    var policy = parse.GetValue(model) ?? throw new ArgumentException("--suite needs --model: a model name served at --endpoint, or a checkpoint directory.");
                    // A bad --save-completions path is refused before the policy runs, not after.
                    if (parse.GetValue(saveCompletions) is { } savePath) PolicyCompletionsFile.RequireJsonPath(savePath);
                    var url = parse.GetValue(endpoint);
                    // The policy is opened first so a wrong --model or --endpoint is reported before any data is read.
                    using var policyClient = SafetyPolicyClient.Open(url, parse.GetValue(apiKey), policy);
                    var safetyDir = parse.GetValue(data) ?? (DataDirectory.Find() is { } root ? Path.Combine(root, "safety") : null)
                        ?? throw new DirectoryNotFoundException($"No data folder found for the suite prompts: pass --data or set {DataDirectory.EnvironmentVariable}.");
                    var names = SafetySuites.Parse(suites);
                    var prompts = names.SelectMany(n => SafetySuites.Load(safetyDir, n, parse.GetValue(limit), parse.GetValue(seed))).ToArray();
                    var options = new PolicyRunOptions
                    {
                        MaxConcurrency = parse.GetValue(concurrency), MaxTokens = parse.GetValue(maxTokens), Temperature = parse.GetValue(temperature),
                        ModelId = url is null ? Path.GetFileName(Path.TrimEndingDirectorySeparator(policy)) : policy, SystemPrompt = parse.GetValue(systemPrompt),
                    };
                    Terminal.Info($"running {Markup.Escape(policy)} on {prompts.Length} prompts ({string.Join(", ", names.Select(n => $"{n} {prompts.Count(p => p.Suite == n)}"))})");
                    try { items = RunPolicy(policyClient.Client, options, prompts); }
                    catch (InvalidOperationException e) when (url is not null)
                    {
                        throw new InvalidOperationException($"policy endpoint {url}: {e.Message}", e);
                    }
                    source = $"{policy} on {string.Join(",", names)}";
                    if (parse.GetValue(saveCompletions) is { } saveTo)
                    {
                        PolicyCompletionsFile.Write(saveTo, items);
                        Terminal.Info($"wrote {items.Count} completions to {Markup.Escape(saveTo)}");
                    }
                }
                else throw new ArgumentException("Give --completions FILE, or --suite LIST with --model (and --endpoint URL for a served model).");
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
                var document = SafetyEvalDocument.From(source, report, rows);
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

    /// <summary>Runs the policy over the prompts, printing progress to stderr about every 10 seconds.</summary>
    private static IReadOnlyList<CompletionItem> RunPolicy(Microsoft.Extensions.AI.IChatClient client, PolicyRunOptions options, IReadOnlyList<SuitePrompt> prompts)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var gate = new object();
        return new PolicySuiteRunner(client, options).RunAsync(prompts, (done, total) =>
        {
            lock (gate)
            {
                if (done != total && clock.Elapsed < TimeSpan.FromSeconds(10)) return;
                clock.Restart();
                Terminal.Info($"answered {done}/{total}");
            }
        }).GetAwaiter().GetResult();
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
        foreach (var (suiteName, c) in d.PerSuite ?? new Dictionary<string, SafetyRates>())
            table.AddRow($"suite {Markup.Escape(suiteName)}", c.Items.ToString(), Rate(c.HarmfulCompliance), Rate(c.OverRefusal), Rate(c.RefusalRate), c.MeanScore is { } sm ? $"{sm:F3}" : "–");
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
    /// <summary>Rates per suite when a policy was run over suites (null for a completions file).</summary>
    public IReadOnlyDictionary<string, SafetyRates>? PerSuite { get; init; }

    public static SafetyEvalDocument From(string file, SafetyEvaluationReport report, IReadOnlyList<VerdictRow> rows) => new(
        file, report.Verifier,
        rows.Select(r => new SafetyEvalItem(r.Index, r.Label, r.Score, r.Unsafe, r.Unparseable, r.PromptKind, r.Category, r.Model, r.Condition, r.Rationale) { Suite = r.Suite }).ToArray(),
        report.Summary, report.PerCategory, report.LlamaGuardAgreement, report.XsTestAgreement)
    {
        PerSuite = report.PerSuite.Count == 0 ? null : report.PerSuite,
    };
}

public sealed record SafetyEvalItem(int Index, string Label, double Score, bool Unsafe, bool Unparseable, string PromptKind, string? Category,
    string? Model, string? Condition, string Rationale)
{
    public string? Suite { get; init; }
}
