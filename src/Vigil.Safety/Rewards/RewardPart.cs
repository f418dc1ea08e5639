using Vigil.Safety.Verification;

namespace Vigil.Safety.Rewards;

/// <summary>Which part of a recipe a reward term came from.</summary>
public enum RewardTermKind
{
    Format,
    Verifier,
    Rule,
}

/// <summary>One term of a sample's reward: the verifier's verdict, its weight and the contribution weight × score.</summary>
public sealed record RewardPart(RewardTermKind Kind, string Verifier, double Weight, Verdict Verdict)
{
    public double Contribution => Weight * Verdict.Score;
}

/// <summary>A sample's reward: every term (so training curves can show each principle) and their sum.</summary>
public sealed record RewardBreakdown(string Label, IReadOnlyList<RewardPart> Parts)
{
    public double Total => Parts.Sum(p => p.Contribution);

    /// <summary>The contribution of the named verifier, 0 when it did not score this sample.</summary>
    public double PartOf(string verifier) => Parts.Where(p => p.Verifier == verifier).Sum(p => p.Contribution);
}
