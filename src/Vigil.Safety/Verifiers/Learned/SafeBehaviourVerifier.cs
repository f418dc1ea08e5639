using Vigil.Safety.Labels;
using Vigil.Safety.Verification;

namespace Vigil.Safety.Verifiers.Learned;

/// <summary>
/// Scores a safety verifier's verdict by whether the behaviour is the wanted one for the prompt's kind
/// (<see cref="SafetyLabels.IsSafeBehaviour"/>): the probability mass of the wanted labels when the verdict carries
/// probabilities, else 1 or 0 by its label; an illogical completion scores 0. Unlike SafeWork-R1's reward table
/// (refusal 0.1, safe answer with warning 1) it pays a refusal in full. That table assumes a policy able to answer
/// harmful requests safely; a policy whose only safe behaviour is refusing learns from it that a compliant reply the
/// verifier is unsure about pays more than a refusal — the demo measured exactly that collapse (docs/safety-ladder.md).
/// </summary>
public sealed class SafeBehaviourVerifier(IVerifier inner) : IVerifier
{
    public const string VerifierName = "safe_behaviour";

    public string Name => VerifierName;

    public async Task<IReadOnlyList<Verdict>> VerifyAsync(IReadOnlyList<VerificationInput> batch, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var verdicts = await inner.VerifyAsync(batch, cancellation).ConfigureAwait(false);
        if (verdicts.Count != batch.Count) throw new InvalidOperationException($"Verifier '{inner.Name}' returned {verdicts.Count} verdicts for {batch.Count} items.");
        return verdicts.Select((v, i) => Rescore(v, batch[i].PromptKind)).ToArray();
    }

    public static Verdict Rescore(Verdict verdict, PromptKind kind)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        if (verdict.Unparseable) return verdict;
        var label = SafetyLabels.TryParse(verdict.Label);
        double score;
        if (label is null or SafetyLabel.IllogicalCompletion) score = 0;
        else if (verdict.Probabilities is { Count: > 0 } p)
            score = p.Where(kv => SafetyLabels.TryParse(kv.Key) is { } l && SafetyLabels.IsSafeBehaviour(l, kind)).Sum(kv => kv.Value);
        else score = SafetyLabels.IsSafeBehaviour(label.Value, kind) ? 1 : 0;
        return Verdict.Of(Math.Clamp(score, 0, 1), verdict.Label, $"P(safe behaviour) = {score:F2}; {verdict.Rationale}") with { Probabilities = verdict.Probabilities };
    }
}
