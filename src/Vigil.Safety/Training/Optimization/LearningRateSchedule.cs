namespace Vigil.Safety.Training.Optimization;

/// <summary>
/// Linear warm-up from 0 to <see cref="PeakRate"/> over <see cref="WarmupSteps"/> steps, then cosine decay to
/// <see cref="MinimumRate"/> at <see cref="TotalSteps"/> (constant after). Steps count from 0; step s uses
/// <see cref="At"/>(s), so the first step's rate is Peak/(warm-up + 1) rather than 0.
/// </summary>
public sealed record LearningRateSchedule(double PeakRate, int WarmupSteps, int TotalSteps, double MinimumRate = 0)
{
    public double At(int step)
    {
        if (step < 0) throw new ArgumentOutOfRangeException(nameof(step), "Steps count from 0.");
        if (step < WarmupSteps) return PeakRate * (step + 1) / (WarmupSteps + 1);
        int decaySteps = TotalSteps - WarmupSteps;
        if (decaySteps <= 0) return PeakRate;
        double progress = Math.Min(1.0, (double)(step - WarmupSteps) / decaySteps);
        return MinimumRate + (PeakRate - MinimumRate) * 0.5 * (1 + Math.Cos(Math.PI * progress));
    }

    public void Validate(string source = "schedule")
    {
        if (!(PeakRate > 0) || !double.IsFinite(PeakRate)) throw new ArgumentOutOfRangeException(nameof(PeakRate), $"{source}: the learning rate must be a finite number > 0, got {PeakRate}.");
        if (WarmupSteps < 0) throw new ArgumentOutOfRangeException(nameof(WarmupSteps), $"{source}: warm-up steps must be ≥ 0, got {WarmupSteps}.");
        if (TotalSteps < 1) throw new ArgumentOutOfRangeException(nameof(TotalSteps), $"{source}: total steps must be ≥ 1, got {TotalSteps}.");
        if (!(MinimumRate >= 0 && MinimumRate <= PeakRate)) throw new ArgumentOutOfRangeException(nameof(MinimumRate), $"{source}: the minimum rate must lie in [0, {PeakRate}], got {MinimumRate}.");
    }
}
