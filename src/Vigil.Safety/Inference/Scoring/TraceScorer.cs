using Vigil.Safety.Inference.Steps;
using Vigil.Safety.Verification;

namespace Vigil.Safety.Inference.Scoring;

/// <summary>
/// Process scoring: judges traces (partial or concluded) with a set of verifiers, each over the whole batch at once.
/// A verifier sees (prompt, <see cref="ReasoningTrace.JudgedText"/>): the reasoning so far while it is open, the answer
/// once there is one. Value = Σ wᵢ·scoreᵢ / Σ wᵢ; any gate rejecting the verdict masks the candidate.
/// </summary>
public sealed class TraceScorer
{
    private readonly IReadOnlyList<WeightedVerifier> _verifiers;

    public TraceScorer(IReadOnlyList<WeightedVerifier> verifiers)
    {
        ArgumentNullException.ThrowIfNull(verifiers);
        if (verifiers.Count == 0) throw new ArgumentException("Scoring needs at least one verifier.", nameof(verifiers));
        foreach (var v in verifiers)
            if (!(double.IsFinite(v.Weight) && v.Weight >= 0)) throw new ArgumentException($"Verifier '{v.Verifier.Name}' has weight {v.Weight}; weights must be finite and ≥ 0.");
        if (verifiers.Sum(v => v.Weight) <= 0) throw new ArgumentException("At least one verifier needs a positive weight.", nameof(verifiers));
        if (verifiers.Select(v => v.Verifier.Name).Distinct().Count() != verifiers.Count) throw new ArgumentException("Each verifier may appear once.", nameof(verifiers));
        _verifiers = verifiers;
    }

    public IReadOnlyList<WeightedVerifier> Verifiers => _verifiers;

    public async Task<IReadOnlyList<CandidateScore>> ScoreAsync(
        IReadOnlyList<ReasoningTrace> traces, PromptKind kind, ComputeMeter meter, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(traces);
        ArgumentNullException.ThrowIfNull(meter);
        if (traces.Count == 0) return Array.Empty<CandidateScore>();
        var inputs = traces.Select(t => new VerificationInput(t.Prompt, t.JudgedText) { PromptKind = kind }).ToArray();
        var verdicts = await Task.WhenAll(_verifiers.Select(v => v.Verifier.VerifyAsync(inputs, cancellation))).ConfigureAwait(false);
        meter.AddVerifierCalls((long)inputs.Length * _verifiers.Count);
        double total = _verifiers.Sum(v => v.Weight);
        var scores = new CandidateScore[traces.Count];
        for (int i = 0; i < traces.Count; i++)
        {
            double value = 0;
            bool masked = false;
            var byName = new Dictionary<string, Verdict>(StringComparer.Ordinal);
            for (int j = 0; j < _verifiers.Count; j++)
            {
                if (verdicts[j].Count != inputs.Length)
                    throw new InvalidOperationException($"Verifier '{_verifiers[j].Verifier.Name}' returned {verdicts[j].Count} verdicts for {inputs.Length} inputs.");
                var verdict = verdicts[j][i];
                byName[_verifiers[j].Verifier.Name] = verdict;
                value += _verifiers[j].Weight * verdict.Score;
                masked |= _verifiers[j].Rejects(verdict);
            }
            scores[i] = new CandidateScore(value / total, masked, byName);
        }
        return scores;
    }
}
