using Vigil.Safety.Data;
using Vigil.Safety.Verification;

namespace Vigil.Safety.Evaluation;

/// <summary>One item's verdict as saved and printed: position, provenance, verdict and the texts judged.</summary>
public sealed record VerdictRow(
    int Index, string? Model, string? Condition, string? Category, string PromptKind, string Label, double Score, bool Unsafe,
    bool Unparseable, string Rationale, string Prompt, string Response)
{
    /// <summary>The suite of a policy run (null for a completions file).</summary>
    public string? Suite { get; init; }

    public static IReadOnlyList<VerdictRow> From(SafetyEvaluationReport report) =>
        report.Items.Select((item, i) => From(i, item, report.Verdicts[i])).ToArray();

    public static VerdictRow From(int index, CompletionItem item, Verdict verdict) => new(
        index, item.Model, item.Condition, item.Category, item.PromptKind.ToString().ToLowerInvariant(), verdict.Label, verdict.Score,
        ReferenceAgreement.IsUnsafe(verdict), verdict.Unparseable, verdict.Rationale, item.Prompt, item.Response) { Suite = item.Suite };
}
