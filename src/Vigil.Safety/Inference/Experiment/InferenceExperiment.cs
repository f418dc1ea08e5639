using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Core.Plots;
using Vigil.Safety.Labels;
using Vigil.Safety.Verification;

namespace Vigil.Safety.Inference.Experiment;

/// <summary>
/// Runs inference methods at several budgets over the prompt sets and judges every final answer with one safety
/// verifier (all answers of a method at a budget in one batch): safety score and over-refusal against compute.
/// </summary>
public sealed class InferenceExperiment(IVerifier judge)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Called after each method × budget with its row.</summary>
    public Action<ExperimentRow>? Progress { get; init; }

    public async Task<ExperimentReport> RunAsync(IReadOnlyList<ExperimentPrompt> prompts, IReadOnlyList<MethodAtBudget> methods, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(methods);
        if (prompts.Count == 0) throw new ArgumentException("The experiment needs at least one prompt.", nameof(prompts));
        var rows = new List<ExperimentRow>();
        var items = new List<ExperimentItem>();
        foreach (var (budget, method) in methods)
        {
            var results = new List<Search.InferenceResult>();
            foreach (var prompt in prompts) results.Add(await method.RunAsync(prompt.Prompt, prompt.Kind, cancellation).ConfigureAwait(false));
            var verdicts = await judge.VerifyAsync(
                prompts.Select((p, i) => new VerificationInput(p.Prompt, results[i].Answer) { PromptKind = p.Kind }).ToArray(), cancellation).ConfigureAwait(false);
            var batch = prompts.Select((p, i) => new ExperimentItem(method.Name, budget, p.Set, p.Prompt, results[i].Answer, results[i].Abstained,
                results[i].Compute.GeneratedTokens, results[i].Compute.VerifierCalls, verdicts[i].Score, verdicts[i].Label,
                SafetyLabels.TryParse(verdicts[i].Label) is { } label && SafetyLabels.IsSafeBehaviour(label, p.Kind), p.Kind)).ToArray();
            items.AddRange(batch);
            var row = Summarise(method.Name, budget, batch);
            rows.Add(row);
            Progress?.Invoke(row);
        }
        return new ExperimentReport(judge.Name, rows, items);
    }

    /// <summary>
    /// The same answers judged by another verifier: items keep method, budget, answer and compute; verdicts, rows
    /// and per-set rates are recomputed. Lets one costly run be reported under an independent judge as well.
    /// </summary>
    public static async Task<ExperimentReport> RejudgeAsync(ExperimentReport report, IVerifier judge, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(judge);
        var verdicts = await judge.VerifyAsync(
            report.Items.Select((item, i) => new VerificationInput(item.Prompt, item.Answer) { PromptKind = item.Kind }).ToArray(), cancellation).ConfigureAwait(false);
        var items = report.Items.Select((item, i) => item with
        {
            JudgeScore = verdicts[i].Score, JudgeLabel = verdicts[i].Label,
            SafeBehaviour = SafetyLabels.TryParse(verdicts[i].Label) is { } label && SafetyLabels.IsSafeBehaviour(label, item.Kind),
        }).ToArray();
        var rows = report.Rows.Select(r => Summarise(r.Method, r.Budget, items.Where(i => i.Method == r.Method && i.Budget == r.Budget).ToArray())).ToArray();
        return new ExperimentReport(judge.Name, rows, items);
    }

    internal static ExperimentRow Summarise(string method, int budget, IReadOnlyList<ExperimentItem> items)
    {
        var scored = items.Where(i => i.Set != ExperimentPrompts.XsTestSafe).ToArray();
        var probes = items.Where(i => i.Set == ExperimentPrompts.XsTestSafe).ToArray();
        double? overRefusal = probes.Length == 0 ? null
            : probes.Count(i => SafetyLabels.TryParse(i.JudgeLabel) is { } l && SafetyLabels.IsRefusal(l)) / (double)probes.Length;
        var perSet = items.GroupBy(i => i.Set).ToDictionary(g => g.Key, g => g.Average(i => i.SafeBehaviour ? 1.0 : 0.0));
        return new ExperimentRow(method, budget, items.Count,
            items.Average(i => (double)i.GeneratedTokens), items.Average(i => (double)i.VerifierCalls),
            scored.Length == 0 ? double.NaN : scored.Average(i => i.SafeBehaviour ? 1.0 : 0.0), overRefusal, items.Count(i => i.Abstained), perSet);
    }

    public static void SaveJson(ExperimentReport report, string path) => File.WriteAllText(path, JsonSerializer.Serialize(report, Json));

    /// <summary>A report written by <see cref="SaveJson"/> (to re-judge its answers without generating them again).</summary>
    public static ExperimentReport LoadJson(string path)
    {
        ExperimentReport? report;
        try
        {
            report = JsonSerializer.Deserialize<ExperimentReport>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a search-eval report (line {e.LineNumber + 1}, {e.Path}): {e.Message}", e);
        }
        if (report?.Rows is null || report.Items is null || report.Items.Any(i => i is null || i.Answer is null || i.Method is null))
            throw new InvalidDataException($"{path}: not a search-eval report (it needs 'rows' and 'items' with answers).");
        return report;
    }

    /// <summary>Safety score against mean generated tokens per prompt, one line per method (budgets in increasing compute).</summary>
    public static void SavePlot(ExperimentReport report, string path) => SavePlot(report, path, verifierCalls: false);

    /// <summary>
    /// Safety score against compute per prompt, one line per method: generated tokens (log scale), or the method's
    /// verifier calls (linear: plain sampling makes none).
    /// </summary>
    public static void SavePlot(ExperimentReport report, string path, bool verifierCalls)
    {
        double Compute(ExperimentRow r) => verifierCalls ? r.VerifierCalls : r.GeneratedTokens;
        bool positive = report.Rows.All(r => Compute(r) > 0);
        var chart = new LineChart
        {
            Title = $"Safety score vs compute (judge: {report.Judge})",
            XLabel = verifierCalls ? "verifier calls per prompt" : "generated tokens per prompt",
            YLabel = "safety score (harmful + harmless)", LogScaleX = !verifierCalls && positive, YRange = (0, 1),
        };
        foreach (var group in report.Rows.GroupBy(r => r.Method))
        {
            var rows = group.OrderBy(Compute).ToArray();
            chart.Add(group.Key, rows.Select(Compute), rows.Select(r => r.SafetyScore));
        }
        chart.SavePng(path);
    }

    /// <summary>The rows as a markdown table for docs/.</summary>
    public static string Markdown(ExperimentReport report)
    {
        var text = new System.Text.StringBuilder("| method | budget | tokens / prompt | verifier calls / prompt | safety score | over-refusal (XSTest safe) | abstained |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var r in report.Rows)
            text.Append(FormattableString.Invariant($"| {r.Method} | {r.Budget} | {r.GeneratedTokens:F1} | {r.VerifierCalls:F1} | {r.SafetyScore:F3} | {(r.OverRefusal is { } o ? o.ToString("P1", System.Globalization.CultureInfo.InvariantCulture) : "–")} | {r.Abstained} |\n"));
        return text.ToString();
    }
}
