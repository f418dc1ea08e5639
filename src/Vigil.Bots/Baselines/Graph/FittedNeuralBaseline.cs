using Vigil.Bots.Benchmark;

namespace Vigil.Bots.Baselines.Graph;

/// <summary>A trained <see cref="NeuralBaseline"/>: bot probabilities of every user, depth and MAD, and how it trained.</summary>
public sealed class FittedNeuralBaseline(double[] botProbability, int layers, double mad, bool sampled, int epochsRun,
    double medianEpochMilliseconds) : IFittedBotDetector, IReportsSmoothness
{
    public double Threshold => 0.5;
    public int Layers => layers;
    public double Mad => mad;
    /// <summary>Whether training ran on neighbour-sampled mini-batches (the dataset was over the threshold).</summary>
    public bool Sampled => sampled;
    public int EpochsRun => epochsRun;
    /// <summary>Median wall time of one training epoch (all its mini-batches when sampled), milliseconds.</summary>
    public double MedianEpochMilliseconds => medianEpochMilliseconds;
    public double[] Score(int[] userRows) => userRows.Select(r => botProbability[r]).ToArray();
}
