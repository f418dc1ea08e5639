using Vigil.Core.Metrics;
using Vigil.Nas.Training;

namespace Vigil.Nas.Sweeps;

/// <summary>One model at one depth over the sweep's seeds: test accuracy, MAD and MADGap of the output logits.</summary>
public sealed record DepthSweepCell(string Model, string Name, int Depth, MeanStd TestAccuracy, MeanStd Mad, MeanStd MadGap,
    double Seconds, IReadOnlyList<double> SeedAccuracies);
