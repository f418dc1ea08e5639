namespace Vigil.Safety.Demo.Pipeline;

/// <summary>
/// One evaluation on the curve subset during the run: after <see cref="Step"/> RL steps (0 = the SFT policy).
/// <see cref="AgreedScore"/>: replies both judges call good (see <see cref="SafetyScoreResult.AgreedScore"/>).
/// </summary>
public sealed record DemoCurvePoint(int Step, string Stage, double SafetyScore, double? CrossCheckScore, double? ArithmeticAccuracy, double? AgreedScore = null);
