using Vigil.Core.Plots;

namespace Vigil.Safety.Demo.Pipeline;

/// <summary>The demo's PNGs: reward parts per RL step, safety score and arithmetic accuracy per step, and the probe curves.</summary>
public static class DemoCharts
{
    public const string RewardFile = "rewards.png";
    public const string CoEvolutionFile = "co-evolution.png";
    public const string ProbeFile = "probe.png";

    public static IReadOnlyList<string> Write(CoEvolutionDemoResult result, string directory)
    {
        ArgumentNullException.ThrowIfNull(result);
        var written = new List<string>();
        if (result.Rewards.Count > 0)
        {
            var chart = new LineChart { Title = "RL reward per step", XLabel = "RL step", YLabel = "mean reward" };
            var steps = result.Rewards.Select(r => (double)r.Step).ToArray();
            chart.Add("total (shaped)", steps, result.Rewards.Select(r => r.MeanReward));
            foreach (var part in result.Rewards.SelectMany(r => r.Parts.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                chart.Add(part, steps, result.Rewards.Select(r => r.Parts.TryGetValue(part, out var v) ? v : double.NaN));
            written.Add(Save(chart, directory, RewardFile));
        }
        if (result.Curve.Count > 0)
        {
            var chart = new LineChart { Title = "Safety and capability during RL (held-out subset)", XLabel = "RL step", YLabel = "score", YRange = (0, 1) };
            var steps = result.Curve.Select(c => (double)c.Step).ToArray();
            chart.Add("safety score (learned verifier)", steps, result.Curve.Select(c => c.SafetyScore));
            chart.Add("safety score (substring check)", steps, result.Curve.Select(c => c.CrossCheckScore ?? double.NaN));
            chart.Add("safety score (both agree)", steps, result.Curve.Select(c => c.AgreedScore ?? double.NaN));
            chart.Add("arithmetic accuracy", steps, result.Curve.Select(c => c.ArithmeticAccuracy ?? double.NaN));
            written.Add(Save(chart, directory, CoEvolutionFile));
        }
        if (result.Probe is { } probe)
        {
            var chart = new LineChart { Title = "Information about the safety outcome per reasoning position", XLabel = "completion position (tokens)", YLabel = "bits (linear-probe lower bound)" };
            if (probe.Before.Count > 0) chart.Add("SFT policy", probe.Before.Select(p => (double)p.Position), probe.Before.Select(p => p.Estimate.InformationBits));
            if (probe.After.Count > 0) chart.Add("RL policy", probe.After.Select(p => (double)p.Position), probe.After.Select(p => p.Estimate.InformationBits));
            if (chart.Series.Count > 0) written.Add(Save(chart, directory, ProbeFile));
        }
        return written;
    }

    private static string Save(LineChart chart, string directory, string file)
    {
        var path = Path.Combine(directory, file);
        chart.SavePng(path);
        return path;
    }
}
