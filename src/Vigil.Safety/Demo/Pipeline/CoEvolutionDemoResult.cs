using Vigil.Safety.Probing;

namespace Vigil.Safety.Demo.Pipeline;

/// <summary>How long one stage of the demo took.</summary>
public sealed record DemoStageTiming(string Stage, double Seconds);

/// <summary>The probe's peak positions before and after RL (see <see cref="ReasoningPositionProbe"/>).</summary>
public sealed record DemoProbeSummary(IReadOnlyList<PositionInformation> Before, IReadOnlyList<PositionInformation> After);

/// <summary>
/// The co-evolution demo's outcome: the held-out evaluation of the SFT policy and of the RL policy, the relative rise
/// of the safety score, the change of arithmetic accuracy in points, the per-step curves and where everything was written.
/// </summary>
public sealed record CoEvolutionDemoResult(
    SafetyScoreResult Sft,
    SafetyScoreResult Rl,
    IReadOnlyList<DemoCurvePoint> Curve,
    IReadOnlyList<DemoRewardPoint> Rewards,
    IReadOnlyList<DemoStageTiming> Stages,
    DemoProbeSummary? Probe,
    string OutputDirectory,
    long Parameters)
{
    /// <summary>(after − before) / before of the safety score.</summary>
    public double RelativeSafetyGain => Sft.SafetyScore > 0 ? (Rl.SafetyScore - Sft.SafetyScore) / Sft.SafetyScore : double.NaN;

    /// <summary>(after − before) / before of the agreed score (both judges call a reply good); null without one.</summary>
    public double? RelativeAgreedGain => Sft.AgreedScore is > 0 && Rl.AgreedScore is { } after ? (after - Sft.AgreedScore.Value) / Sft.AgreedScore.Value : null;

    /// <summary>Arithmetic accuracy after minus before, in percentage points.</summary>
    public double ArithmeticChangePoints => 100 * ((Rl.ArithmeticAccuracy ?? 0) - (Sft.ArithmeticAccuracy ?? 0));

    public double TotalSeconds => Stages.Sum(s => s.Seconds);
}
