using Vigil.Safety.Inference.Scoring;
using Vigil.Safety.Verification;

namespace Vigil.Safety.Inference.Decoding;

/// <summary>
/// Values partial responses with verifiers (a weighted mean of their scores; a gate's rejection values a partial at 0),
/// counting each item judged by each verifier in <see cref="Meter"/>.
/// </summary>
public sealed class VerifierPrefixScorer(TraceScorer scorer, PromptKind kind) : IPrefixScorer
{
    public ComputeMeter Meter { get; } = new();

    public IReadOnlyList<double> Score(string prompt, IReadOnlyList<string> partialResponses)
    {
        var traces = partialResponses.Select(r => new Steps.ReasoningTrace(prompt, answer: r)).ToArray();
        var scores = scorer.ScoreAsync(traces, kind, Meter).GetAwaiter().GetResult();
        return scores.Select(s => s.Masked ? 0 : s.Value).ToArray();
    }
}
