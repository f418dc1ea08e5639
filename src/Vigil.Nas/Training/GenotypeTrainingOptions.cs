using Vigil.Graphs.Smoothness;
using Vigil.Nas.Genotypes;
using Vigil.Nas.Loss;

namespace Vigil.Nas.Training;

/// <summary>
/// Retraining a derived genotype from scratch: the network's shape, Adam's settings, the epoch budget and patience,
/// and the smoothness term added to the cross-entropy (GraTO keeps it when retraining; weight 0 turns it off).
/// </summary>
public sealed record GenotypeTrainingOptions
{
    public GenotypeNetworkOptions Network { get; init; } = new() { InputDropout = 0.5, OutputDropout = 0.5 };
    public int Epochs { get; init; } = 400;
    public double LearningRate { get; init; } = 0.005;
    /// <summary>L2 weight decay of the cells' parameters, and of all parameters when <see cref="DenseWeightDecay"/> is null.</summary>
    public double WeightDecay { get; init; } = 5e-4;
    /// <summary>Weight decay of the stem and the classifier (GCNII: 5e-4 there, 0.01 on its layers); null: <see cref="WeightDecay"/>.</summary>
    public double? DenseWeightDecay { get; init; }
    /// <summary>Stop after this many epochs without a better selection score or a lower validation loss.</summary>
    public int Patience { get; init; } = 100;
    public SmoothnessOptions Smoothness { get; init; } = new() { Weight = 0.1 };
    /// <summary>Which output's validation MAD enters the selection score.</summary>
    public SelectionRepresentation SelectionRepresentation { get; init; } = SelectionRepresentation.Hidden;
    /// <summary>How the validation MAD of the selection score is computed (its seed is replaced by the run's seed).</summary>
    public MadOptions SelectionMad { get; init; } = new();
    /// <summary>Refuse a graph whose estimated full-batch activations exceed this (see <see cref="FullBatchLimit"/>).</summary>
    public long MaxActivationBytes { get; init; } = FullBatchLimit.DefaultMaxBytes;

    internal void Validate()
    {
        if (Epochs < 1) throw new ArgumentException($"Retraining needs at least one epoch, got {Epochs}.");
        if (!(LearningRate > 0)) throw new ArgumentException($"The learning rate must be positive, got {LearningRate}.");
        if (WeightDecay < 0) throw new ArgumentException($"The weight decay must be non-negative, got {WeightDecay}.");
        if (DenseWeightDecay < 0) throw new ArgumentException($"The dense weight decay must be non-negative, got {DenseWeightDecay}.");
        if (Patience < 1) throw new ArgumentException($"The patience must be at least one epoch, got {Patience}.");
    }
}
