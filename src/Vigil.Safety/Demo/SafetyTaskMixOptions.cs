namespace Vigil.Safety.Demo;

/// <summary>
/// How the demo's safety data is drawn. The unaligned base gets unsafe compliance on
/// <see cref="UnsafeComplianceFraction"/> of the harmful training prompts and needless refusals on
/// <see cref="NeedlessRefusalFraction"/> of the harmless ones; the defaults (0.6, 0.4) put an SFT policy that imitates
/// its data at a safety score near 0.5. Counts cap how many prompts each part uses (null = all).
/// </summary>
public sealed record SafetyTaskMixOptions
{
    public double UnsafeComplianceFraction { get; init; } = 0.6;
    public double NeedlessRefusalFraction { get; init; } = 0.4;
    /// <summary>Harmless training prompts (the harmful training split has 260, all used).</summary>
    public int? HarmlessTrainCount { get; init; } = 600;
    public int? HarmfulEvalCount { get; init; } = 100;
    public int? HarmlessEvalCount { get; init; } = 100;
    public int? XsTestUnsafeCount { get; init; } = 100;
    public int? XsTestSafeCount { get; init; } = 100;
    public int Seed { get; init; } = 7;

    internal void Validate()
    {
        foreach (var (name, f) in new[] { (nameof(UnsafeComplianceFraction), UnsafeComplianceFraction), (nameof(NeedlessRefusalFraction), NeedlessRefusalFraction) })
            if (!(f >= 0 && f <= 1)) throw new ArgumentOutOfRangeException(name, f, "A fraction must lie in [0, 1].");
        foreach (var (name, c) in new[] { (nameof(HarmlessTrainCount), HarmlessTrainCount), (nameof(HarmfulEvalCount), HarmfulEvalCount), (nameof(HarmlessEvalCount), HarmlessEvalCount), (nameof(XsTestUnsafeCount), XsTestUnsafeCount), (nameof(XsTestSafeCount), XsTestSafeCount) })
            if (c is < 0) throw new ArgumentOutOfRangeException(name, c, "A count must not be negative.");
    }
}
