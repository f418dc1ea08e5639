using System.CommandLine;
using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Core;
using Vigil.Safety.Inference.Experiment;
using Vigil.Safety.Inference.Scoring;
using Vigil.Safety.Inference.Steps;
using Vigil.Safety.Policy;
using Vigil.Safety.Verification;
using Vigil.Safety.Verifiers.Learned;
using Vigil.Safety.Verifiers.Rules;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil safety search-eval --model DIR</c>: the inference-time experiment. Plain sampling, best-of-N, weighted
/// best-of-N, beam search and value-guided intervention at each budget over held-out harmful / harmless prompts and
/// XSTest's safe prompts; final answers judged by a safety verifier; rows (tokens and verifier calls per prompt,
/// safety score, over-refusal) to --out as JSON, a markdown table and a plot of safety score against tokens.
/// </summary>
public static class SafetySearchEvalCommand
{
    public static Command Create()
    {
        var policy = new SafetyPolicyOptions();
        var data = new Option<string?>("--data") { Description = "Data folder holding safety/ (default: $VIGIL_DATA or the sibling shared/data)." };
        var perSet = new Option<int>("--per-set") { Description = "Prompts per set (harmful, harmless, XSTest safe).", DefaultValueFactory = _ => 20 };
        var budgets = new Option<string>("--budgets") { Description = "Comma-separated budgets: N for best-of-N, beam width, candidates per step.", DefaultValueFactory = _ => "1,2,4" };
        var maxSteps = new Option<int>("--max-steps") { Description = "Reasoning steps before an answer is forced (beam search, value guidance).", DefaultValueFactory = _ => 6 };
        var maxTokens = new Option<int>("--max-tokens") { Description = "Tokens per generation call (a step, an answer or a whole sample).", DefaultValueFactory = _ => 96 };
        var temperature = new Option<double>("--temperature") { Description = "Sampling temperature (search needs diversity: > 0).", DefaultValueFactory = _ => 0.8 };
        var seed = new Option<long>("--seed") { Description = "Sampling seed.", DefaultValueFactory = _ => 0 };
        var steps = StepsOption("sentences");
        var scorer = new Option<string>("--scorer") { Description = "Verifier that scores and gates candidates: learned or substring.", DefaultValueFactory = _ => SafetyEvalCommand.Learned };
        scorer.AcceptOnlyFromAmong(SafetyEvalCommand.Learned, SafetyEvalCommand.Substring);
        var judge = new Option<string>("--judge")
        {
            Description = "Verifiers that judge final answers, comma-separated (learned, substring). The first writes search-eval.*; "
                + "each further one re-judges the same answers into search-eval.NAME.* (e.g. learned,substring for an independent check).",
            DefaultValueFactory = _ => SafetyEvalCommand.Learned,
        };
        var cache = SafetyCommand.CacheOption();
        var output = new Option<string>("--out") { Description = "Folder for search-eval.json, search-eval.md and search-eval.png.", DefaultValueFactory = _ => "search-eval" };
        var json = new Option<bool>("--json") { Description = "Write the rows as one JSON document on stdout." };
        var rejudge = new Option<string?>("--rejudge")
        {
            Description = "Re-judge the answers of an earlier run's search-eval.json with each --judge (nothing is generated; --model is not needed); writes search-eval.NAME.* to --out.",
        };
        var cmd = new Command("search-eval", "Safety score against compute for plain sampling, best-of-N, weighted best-of-N, beam search and value-guided intervention.")
        {
            data, perSet, budgets, maxSteps, maxTokens, temperature, seed, steps, scorer, judge, cache, output, json, rejudge,
        };
        policy.AddTo(cmd);
        cmd.SetAction(parse =>
        {
            try
            {
                if (parse.GetValue(rejudge) is { } earlier)
                    return Rejudge(InferenceExperiment.LoadJson(earlier), ParseJudges(parse.GetValue(judge)!), parse.GetValue(cache), parse.GetValue(output)!, parse.GetValue(json));
                var directory = parse.GetValue(policy.Model) ?? throw new ArgumentException("Give --model: the policy folder to evaluate.");
                var root = parse.GetValue(data) ?? DataDirectory.Find() ?? throw new DirectoryNotFoundException("No data folder: give --data or set VIGIL_DATA.");
                if (parse.GetValue(perSet) < 1) return Terminal.Fail("--per-set must be at least 1.");
                var budgetList = ParseBudgets(parse.GetValue(budgets)!);
                var judgeNames = ParseJudges(parse.GetValue(judge)!);
                var prompts = ExperimentPrompts.Load(root, parse.GetValue(perSet));
                var format = Format(parse.GetValue(steps)!);
                var (model, generator) = SafetyPolicyOptions.Load(directory);
                using (model)
                {
                    var sampling = new SamplingOptions { Temperature = parse.GetValue(temperature), MaxNewTokens = parse.GetValue(maxTokens), Seed = parse.GetValue(seed) };
                    var stepGenerator = new TextGeneratorStepGenerator(generator, policy.ChatTemplate(parse), sampling);
                    var scoring = Verifier(parse.GetValue(scorer)!, parse.GetValue(cache));
                    var judges = judgeNames.Select(name => name == parse.GetValue(scorer) ? scoring : Verifier(name, parse.GetValue(cache))).ToArray();
                    try
                    {
                        var methods = MethodAtBudget.Standard(stepGenerator, new TraceScorer(new[] { WeightedVerifier.Gate(new SafeBehaviourVerifier(scoring)) }), budgetList, format, parse.GetValue(maxSteps));
                        Terminal.Info($"{methods.Count} method × budget runs over {prompts.Count} prompts");
                        var experiment = new InferenceExperiment(judges[0])
                        {
                            Progress = r => Terminal.Info($"{r.Method} b={r.Budget}: safety {r.SafetyScore:F3}, over-refusal {(r.OverRefusal is { } o ? o.ToString("P1") : "–")}, {r.GeneratedTokens:F0} tokens/prompt, {r.VerifierCalls:F1} verifier calls/prompt"),
                        };
                        var report = experiment.RunAsync(prompts, methods).GetAwaiter().GetResult();
                        var dir = parse.GetValue(output)!;
                        Directory.CreateDirectory(dir);
                        var reports = new List<ExperimentReport> { report };
                        Save(report, dir, "search-eval");
                        for (int j = 1; j < judges.Length; j++)
                        {
                            var rejudged = InferenceExperiment.RejudgeAsync(report, judges[j]).GetAwaiter().GetResult();
                            foreach (var r in rejudged.Rows)
                                Terminal.Info($"[[{judgeNames[j]}]] {r.Method} b={r.Budget}: safety {r.SafetyScore:F3}, over-refusal {(r.OverRefusal is { } o ? o.ToString("P1") : "–")}");
                            Save(rejudged, dir, $"search-eval.{judgeNames[j]}");
                            reports.Add(rejudged);
                        }
                        if (parse.GetValue(json))
                        {
                            if (reports.Count == 1) Terminal.WriteJson(report.Rows);
                            else Terminal.WriteJson(reports.Select((r, j) => new { Judge = judgeNames[j], r.Rows }).ToArray());
                        }
                        return 0;
                    }
                    finally
                    {
                        (scoring as IDisposable)?.Dispose();
                        foreach (var j in judges.Where(j => !ReferenceEquals(j, scoring)).Distinct()) (j as IDisposable)?.Dispose();
                    }
                }
            }
            catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException or InvalidOperationException or NotSupportedException)
            {
                return Terminal.Fail(e.Message);
            }
        });
        return cmd;
    }

    internal static Option<string> StepsOption(string defaultFormat)
    {
        var steps = new Option<string>("--steps")
        {
            Description = "How reasoning steps are written inside <think>: lines (one per line), sentences (the demo policy's format) or tags (<step>…</step>).",
            DefaultValueFactory = _ => defaultFormat,
        };
        steps.AcceptOnlyFromAmong("lines", "sentences", "tags");
        return steps;
    }

    internal static StepFormat Format(string name) => name switch { "sentences" => StepFormat.Sentences, "tags" => StepFormat.Tags, _ => StepFormat.Lines };

    private static IVerifier Verifier(string name, string? cache) =>
        name == SafetyEvalCommand.Substring ? new SubstringRefusalVerifier() : LearnedSafetyVerifier.Open(null, cache);

    private static int Rejudge(ExperimentReport earlier, string[] judgeNames, string? cache, string dir, bool json)
    {
        Directory.CreateDirectory(dir);
        var reports = new List<object>();
        foreach (var name in judgeNames)
        {
            var judge = Verifier(name, cache);
            try
            {
                var report = InferenceExperiment.RejudgeAsync(earlier, judge).GetAwaiter().GetResult();
                foreach (var r in report.Rows)
                    Terminal.Info($"[[{name}]] {r.Method} b={r.Budget}: safety {r.SafetyScore:F3}, over-refusal {(r.OverRefusal is { } o ? o.ToString("P1") : "–")}");
                Save(report, dir, $"search-eval.{name}");
                reports.Add(new { Judge = name, report.Rows });
            }
            finally
            {
                (judge as IDisposable)?.Dispose();
            }
        }
        if (json) Terminal.WriteJson(reports);
        return 0;
    }

    private static void Save(ExperimentReport report, string dir, string stem)
    {
        InferenceExperiment.SaveJson(report, Path.Combine(dir, stem + ".json"));
        File.WriteAllText(Path.Combine(dir, stem + ".md"), InferenceExperiment.Markdown(report));
        InferenceExperiment.SavePlot(report, Path.Combine(dir, stem + ".png"));
        InferenceExperiment.SavePlot(report, Path.Combine(dir, stem + ".calls.png"), verifierCalls: true);
        Terminal.Info($"wrote {stem}.json, .md, .png (score against tokens) and .calls.png (against verifier calls) to {Markup.Escape(dir)}");
    }

    internal static string[] ParseJudges(string value)
    {
        var names = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0) throw new ArgumentException("--judge names no verifier.");
        foreach (var name in names)
            if (name is not (SafetyEvalCommand.Learned or SafetyEvalCommand.Substring))
                throw new ArgumentException($"--judge: '{name}' is not a verifier (use {SafetyEvalCommand.Learned} or {SafetyEvalCommand.Substring}).");
        if (names.Distinct().Count() != names.Length) throw new ArgumentException("--judge names a verifier twice.");
        return names;
    }

    internal static int[] ParseBudgets(string value)
    {
        var parts = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) throw new ArgumentException("--budgets names no budget.");
        var result = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], out result[i]) || result[i] < 1)
                throw new ArgumentException($"--budgets: '{parts[i]}' (item {i + 1}) is not a positive integer.");
        return result;
    }
}
