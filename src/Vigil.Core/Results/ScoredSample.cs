namespace Vigil.Core.Results;

/// <summary>One evaluated sample of a run: its id (a user's id digits), true class (1 = positive) and score.</summary>
public readonly record struct ScoredSample(long Id, int Label, double Score);
