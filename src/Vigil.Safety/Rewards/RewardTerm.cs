namespace Vigil.Safety.Rewards;

/// <summary>One weighted verifier in a recipe: reward contribution = <see cref="Weight"/> × the verifier's score.</summary>
public sealed record RewardTerm(string Verifier, double Weight);
