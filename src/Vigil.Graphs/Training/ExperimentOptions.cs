using Vigil.Graphs.Nn.Models;

namespace Vigil.Graphs.Training;

/// <summary>What to train: a model name with its architecture options, the trainer settings, and (for mini-batch
/// training) the neighbour-sampling fan-outs per layer and the batch size.</summary>
public sealed record ExperimentOptions
{
    public string Model { get; init; } = "gcn";
    public ModelOptions ModelOptions { get; init; } = new();
    public TrainerOptions Trainer { get; init; } = new();
    /// <summary>Neighbours sampled per layer, outermost first (−1: all); null or empty trains full batch.</summary>
    public int[]? Fanouts { get; init; }
    public int BatchSize { get; init; } = 1024;
}
