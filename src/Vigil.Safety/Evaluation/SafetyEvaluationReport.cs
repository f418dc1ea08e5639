using Vigil.Safety.Data;
using Vigil.Safety.Verification;

namespace Vigil.Safety.Evaluation;

/// <summary>
/// The result of judging a set of completions: per-item verdicts (in input order), the overall
/// <see cref="SafetyRates"/>, the rates per category, and agreement with the file's own reference judgements when
/// it has them.
/// </summary>
public sealed record SafetyEvaluationReport(
    string Verifier, IReadOnlyList<CompletionItem> Items, IReadOnlyList<Verdict> Verdicts, SafetyRates Summary,
    IReadOnlyDictionary<string, SafetyRates> PerCategory, BinaryAgreement? LlamaGuardAgreement, BinaryAgreement? XsTestAgreement)
{
    /// <summary>Rates per <see cref="CompletionItem.Suite"/>, in order of first appearance; empty when no item names a suite.</summary>
    public IReadOnlyDictionary<string, SafetyRates> PerSuite { get; init; } = new Dictionary<string, SafetyRates>();

    public static SafetyEvaluationReport From(string verifier, IReadOnlyList<CompletionItem> items, IReadOnlyList<Verdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(verdicts);
        if (items.Count != verdicts.Count) throw new ArgumentException($"{items.Count} items but {verdicts.Count} verdicts.");
        var pairs = items.Select((item, i) => (item.PromptKind, verdicts[i])).ToArray();
        var perCategory = items.Select((item, i) => (Category: item.Category ?? "(none)", Pair: pairs[i]))
            .GroupBy(t => t.Category)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => SafetyRates.From(g.Select(t => t.Pair).ToArray()));
        var perSuite = items.Select((item, i) => (item.Suite, Pair: pairs[i])).Where(t => t.Suite is not null)
            .GroupBy(t => t.Suite!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => SafetyRates.From(g.Select(t => t.Pair).ToArray()));
        return new SafetyEvaluationReport(verifier, items, verdicts, SafetyRates.From(pairs), perCategory,
            ReferenceAgreement.WithLlamaGuard(items, verdicts), ReferenceAgreement.WithXsTest(items, verdicts)) { PerSuite = perSuite };
    }

    /// <summary>Judges <paramref name="items"/> with <paramref name="verifier"/> in one batch and builds the report.</summary>
    public static async Task<SafetyEvaluationReport> RunAsync(IVerifier verifier, IReadOnlyList<CompletionItem> items, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        var verdicts = await verifier.VerifyAsync(items.Select(i => i.ToInput()).ToArray(), cancellation).ConfigureAwait(false);
        if (verdicts.Count != items.Count) throw new InvalidOperationException($"Verifier '{verifier.Name}' returned {verdicts.Count} verdicts for {items.Count} items.");
        return From(verifier.Name, items, verdicts);
    }
}
