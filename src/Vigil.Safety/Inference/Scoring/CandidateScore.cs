using Vigil.Safety.Verification;

namespace Vigil.Safety.Inference.Scoring;

/// <summary>A scored candidate: the weighted mean verifier score, whether a gate masked it, and each verifier's verdict by name.</summary>
public sealed record CandidateScore(double Value, bool Masked, IReadOnlyDictionary<string, Verdict> Verdicts);
