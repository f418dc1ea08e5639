namespace Vigil.Safety.Inference.Search;

/// <summary>
/// When to abstain: a calibrated confidence below <see cref="Threshold"/>, or no candidate that passed the gates,
/// replaces the answer by <see cref="Text"/>. The default threshold 0 abstains only when every candidate was masked.
/// </summary>
public sealed record AbstentionPolicy
{
    public double Threshold { get; init; }
    public string Text { get; init; } = "I'm sorry, but I can't answer this with enough confidence that the answer is safe.";
    public ConfidenceCalibrator Calibrator { get; init; } = ConfidenceCalibrator.Identity;

    public static AbstentionPolicy Never { get; } = new();

    public bool Abstains(double confidence) => !double.IsNaN(confidence) && confidence < Threshold;
}

/// <summary>Turns a method's choice into its result under an abstention policy.</summary>
internal static class ResultDecision
{
    /// <param name="root">the trace the method started from, kept as the result's trace when it abstains for lack of a candidate</param>
    /// <param name="chosen">the chosen concluded trace; null when every candidate was masked</param>
    /// <param name="rawConfidence">the uncalibrated confidence (a score or a vote share); NaN when unknown</param>
    public static InferenceResult Make(string method, Steps.ReasoningTrace root, Steps.ReasoningTrace? chosen, double score, double rawConfidence,
        AbstentionPolicy policy, Scoring.ComputeUsage compute)
    {
        double confidence = policy.Calibrator.Calibrate(rawConfidence);
        if (chosen is null) return new InferenceResult(method, root, policy.Text, double.NaN, confidence, Abstained: true, compute);
        bool abstain = policy.Abstains(confidence);
        return new InferenceResult(method, chosen, abstain ? policy.Text : (chosen.Answer ?? "").Trim(), score, confidence, abstain, compute);
    }
}
