using Vigil.Bots.Benchmark;

namespace Vigil.Bots.Baselines.Features.Inputs;

/// <summary>One named per-user feature, what it needs, and how to compute it for a user row of a task.</summary>
public sealed record UserFeature(string Name, DataInput Needs, Func<BotDetectionTask, int, double> Compute)
{
    public override string ToString() => Name;
}
