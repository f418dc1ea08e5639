using System.Text.RegularExpressions;
using Vigil.Safety.Inference.Scoring;
using Vigil.Safety.Inference.Steps;
using Vigil.Safety.Verification;

namespace Vigil.Safety.Inference.Retrieval;

/// <summary>
/// The retrieval action: when a trace's last step contains <c>&lt;search&gt;query&lt;/search&gt;</c>, the step is cut
/// after the query (whatever the model wrote past it would be an invented result), the query is answered from the
/// BM25 store, each snippet is judged by the safety verifier against the query, and the snippets that pass (not
/// labelled unsafe, score ≥ <see cref="MinSafety"/>) are appended as a <c>&lt;result&gt;…&lt;/result&gt;</c> step.
/// </summary>
public sealed partial class RetrievalAction
{
    private readonly Bm25Index _index;
    private readonly IVerifier _safety;

    public RetrievalAction(Bm25Index index, IVerifier safety)
    {
        _index = index ?? throw new ArgumentNullException(nameof(index));
        _safety = safety ?? throw new ArgumentNullException(nameof(safety));
    }

    public int TopK { get; init; } = 3;
    public double MinSafety { get; init; } = 0.5;
    public string NoResultText { get; init; } = "no verified result";

    /// <summary>The query of the last step's search call, or null when it makes none.</summary>
    public static string? QueryOf(ReasoningTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (trace.IsConcluded || trace.Steps.Count == 0) return null;
        var match = SearchCall().Match(trace.Steps[^1]);
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    /// <summary>The trace with the result step appended; unchanged when the last step makes no search call.</summary>
    public async Task<ReasoningTrace> ApplyAsync(ReasoningTrace trace, ComputeMeter meter, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(meter);
        if (QueryOf(trace) is not { } query) return trace;
        var step = trace.Steps[^1];
        var match = SearchCall().Match(step);
        var cut = trace.ReplaceStep(trace.Steps.Count - 1, step[..(match.Index + match.Length)]);
        var hits = query.Length == 0 ? Array.Empty<Bm25Hit>() : _index.Search(query, TopK);
        var verdicts = hits.Count == 0 ? Array.Empty<Verdict>()
            : await _safety.VerifyAsync(hits.Select(h => new VerificationInput(query, h.Document.Text)).ToArray(), cancellation).ConfigureAwait(false);
        meter.AddVerifierCalls(hits.Count);
        var kept = hits.Where((h, i) => verdicts[i].Label != "unsafe" && verdicts[i].Score >= MinSafety)
            .Select(h => $"[{h.Document.Id}] {h.Document.Text.ReplaceLineEndings(" ")}").ToArray();
        var body = kept.Length == 0 ? NoResultText : string.Join(" ", kept);
        return cut.Append($"<result>{body}</result>");
    }

    [GeneratedRegex(@"<search>(.*?)</search>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex SearchCall();
}
