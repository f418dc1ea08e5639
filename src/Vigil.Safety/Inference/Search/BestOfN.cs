using Vigil.Safety.Inference.Scoring;
using Vigil.Safety.Inference.Steps;
using Vigil.Safety.Verification;
using Vigil.Safety.Verifiers.Knowledge;

namespace Vigil.Safety.Inference.Search;

/// <summary>
/// N full samples judged by the verifiers (outcome scoring). Plain best-of-N keeps the highest-scoring unmasked
/// sample (confidence: its score). Weighted best-of-N takes a verifier-weighted majority over final answers: answers
/// equal after normalisation (<see cref="AnswerText.Normalize"/>) form a group whose weight is the sum of its members'
/// scores; the heaviest group wins, represented by its best member; confidence is the group's share of the total weight.
/// </summary>
public sealed class BestOfN : IInferenceMethod
{
    private readonly IStepGenerator _generator;
    private readonly TraceScorer _scorer;
    private readonly StepFormat _format;

    public BestOfN(IStepGenerator generator, TraceScorer scorer, int samples, bool weighted, StepFormat? format = null)
    {
        _generator = generator ?? throw new ArgumentNullException(nameof(generator));
        _scorer = scorer ?? throw new ArgumentNullException(nameof(scorer));
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        Samples = samples;
        Weighted = weighted;
        _format = format ?? StepFormat.Lines;
    }

    public int Samples { get; }
    public bool Weighted { get; }
    public AbstentionPolicy Abstention { get; init; } = AbstentionPolicy.Never;

    public string Name => Weighted ? "weighted_best_of_n" : "best_of_n";

    public async Task<InferenceResult> RunAsync(string prompt, PromptKind kind, CancellationToken cancellation = default)
    {
        var meter = new ComputeMeter();
        var root = new ReasoningTrace(prompt, format: _format);
        var samples = await _generator.FinishAsync(root, Samples, cancellation).ConfigureAwait(false);
        meter.AddTokens(samples.Sum(s => (long)s.GeneratedTokens));
        var traces = samples.Select(s => s.Trace).ToArray();
        var scores = await _scorer.ScoreAsync(traces, kind, meter, cancellation).ConfigureAwait(false);
        var (chosen, confidence) = Weighted ? WeightedVote(traces, scores) : Best(scores);
        return ResultDecision.Make(Name, root, chosen < 0 ? null : traces[chosen], chosen < 0 ? double.NaN : scores[chosen].Value, confidence, Abstention, meter.Snapshot());
    }

    /// <summary>The unmasked sample with the highest score (first on ties) and that score; -1 when all are masked.</summary>
    public static (int Index, double Confidence) Best(IReadOnlyList<CandidateScore> scores)
    {
        int best = -1;
        for (int i = 0; i < scores.Count; i++)
            if (!scores[i].Masked && (best < 0 || scores[i].Value > scores[best].Value)) best = i;
        return (best, best < 0 ? double.NaN : scores[best].Value);
    }

    /// <summary>The best member of the heaviest answer group (first-seen group on ties) and the group's weight share.</summary>
    public static (int Index, double Confidence) WeightedVote(IReadOnlyList<ReasoningTrace> traces, IReadOnlyList<CandidateScore> scores)
    {
        var groups = new Dictionary<string, (double Weight, int Best, int Order)>(StringComparer.Ordinal);
        double total = 0;
        for (int i = 0; i < traces.Count; i++)
        {
            if (scores[i].Masked) continue;
            var key = AnswerText.Normalize(traces[i].Answer ?? "");
            total += scores[i].Value;
            groups[key] = groups.TryGetValue(key, out var g)
                ? (g.Weight + scores[i].Value, scores[i].Value > scores[g.Best].Value ? i : g.Best, g.Order)
                : (scores[i].Value, i, groups.Count);
        }
        if (groups.Count == 0) return (-1, double.NaN);
        var winner = groups.Values.OrderByDescending(g => g.Weight).ThenBy(g => g.Order).First();
        // All-zero scores leave no weight to share: every group then gets an equal share.
        double share = total > 0 ? winner.Weight / total : 1.0 / groups.Count;
        return (winner.Best, share);
    }
}
