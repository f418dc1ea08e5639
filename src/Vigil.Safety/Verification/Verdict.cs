namespace Vigil.Safety.Verification;

/// <summary>
/// A verifier's judgement of one item: <see cref="Score"/> in [0, 1] (higher is better for the policy), a
/// <see cref="Label"/> (snake_case; for safety verifiers one of the six <see cref="Labels.SafetyLabel"/> names), and a
/// short <see cref="Rationale"/>. <see cref="Unparseable"/> marks a judge whose answer could not be read: such a
/// verdict scores 0 and carries the label <see cref="UnparseableLabel"/>, so it is reported and never counted as safe.
/// </summary>
public sealed record Verdict(double Score, string Label, string Rationale)
{
    public const string UnparseableLabel = "unparseable";

    public bool Unparseable { get; init; }

    /// <summary>Per-label probabilities when the verifier has them (learned verifier, sampled judges).</summary>
    public IReadOnlyDictionary<string, double>? Probabilities { get; init; }

    public static Verdict CannotParse(string rationale) => new(0, UnparseableLabel, rationale) { Unparseable = true };

    /// <summary>Checks the score lies in [0, 1]: verifiers build verdicts through this so a bug cannot leak an out-of-range reward.</summary>
    public static Verdict Of(double score, string label, string rationale)
    {
        if (!(score >= 0 && score <= 1)) throw new ArgumentOutOfRangeException(nameof(score), $"Verdict score must lie in [0, 1], got {score}.");
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        return new Verdict(score, label, rationale ?? "");
    }
}
