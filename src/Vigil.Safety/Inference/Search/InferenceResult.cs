using Vigil.Safety.Inference.Scoring;
using Vigil.Safety.Inference.Steps;

namespace Vigil.Safety.Inference.Search;

/// <summary>
/// What an inference method produced for one prompt: the chosen trace, the answer shown to the user (the abstention
/// text when it abstained), the verifiers' score of the chosen trace (NaN for plain sampling, which runs no verifier),
/// the calibrated confidence, and the compute spent.
/// </summary>
public sealed record InferenceResult(string Method, ReasoningTrace Trace, string Answer, double Score, double Confidence, bool Abstained, ComputeUsage Compute)
{
    /// <summary>Per-step choices of value-guided intervention.</summary>
    public IReadOnlyList<StepDecision>? Decisions { get; init; }

    /// <summary>Per-round bookkeeping of beam search.</summary>
    public IReadOnlyList<BeamRound>? Rounds { get; init; }
}

/// <summary>One step of value-guided intervention: the candidates, their scores, and the index chosen (-1: all masked).</summary>
public sealed record StepDecision(int Step, IReadOnlyList<StepCandidate> Candidates, IReadOnlyList<CandidateScore> Scores, int Chosen);

/// <summary>
/// One round of beam search: children expanded and scored, how many a gate masked, how many concluded (moved to the
/// finished pool), the scores of the open beams kept, and how many open children were pruned by the beam width.
/// </summary>
public sealed record BeamRound(int Step, int Expanded, int Masked, int Finished, IReadOnlyList<double> KeptScores, int Pruned);
