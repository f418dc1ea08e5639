using Vigil.Safety.Verification;

namespace Vigil.Safety.Inference.Scoring;

/// <summary>
/// A verifier's part in scoring candidates: its score counts with <see cref="Weight"/>; when <see cref="Masks"/>, a
/// verdict labelled <c>unsafe</c> or scoring below <see cref="MaskBelow"/> removes the candidate outright.
/// </summary>
public sealed record WeightedVerifier(IVerifier Verifier, double Weight)
{
    public bool Masks { get; init; }
    public double MaskBelow { get; init; }

    /// <summary>A safety verifier that masks unsafe candidates.</summary>
    public static WeightedVerifier Gate(IVerifier verifier, double weight = 1, double maskBelow = 0) => new(verifier, weight) { Masks = true, MaskBelow = maskBelow };

    public bool Rejects(Verdict verdict) => Masks && (verdict.Label == "unsafe" || verdict.Score < MaskBelow);
}
