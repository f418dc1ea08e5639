using Vigil.Graphs.Smoothness;
using Vigil.Nas.Loss;
using Vigil.Nas.Operations;

namespace Vigil.Nas.Search;

/// <summary>Settings of an <see cref="ArchitectureSearch"/>.</summary>
public sealed record SearchOptions
{
    public int Epochs { get; init; } = 100;
    /// <summary>
    /// Seeds the search's own generator (initial weights, α, random operations, smoothness samples), torch's global
    /// generator (for GAT's attention dropout) and the node split.
    /// </summary>
    public int Seed { get; init; }
    /// <summary>Candidate operation names (see <see cref="SearchSpace.Factories"/>).</summary>
    public IReadOnlyList<string> Operations { get; init; } = SearchSpace.GraToOperations;
    public OperationOptions OperationOptions { get; init; } = new();
    public SuperNetOptions Network { get; init; } = new();
    /// <summary>Adam learning rate of the operation weights.</summary>
    public double LearningRate { get; init; } = 0.005;
    public double WeightDecay { get; init; } = 5e-4;
    /// <summary>Largest L2 norm of the weight gradient per step (DARTS: 5).</summary>
    public double GradientClip { get; init; } = 5.0;
    public ArchitectOptions Architect { get; init; } = new();
    public SmoothnessOptions Smoothness { get; init; } = new();
    public ArchitectureNodes ArchitectureNodes { get; init; } = ArchitectureNodes.HeldOutTraining;
    /// <summary>Share of each class's training nodes held out for α under <see cref="ArchitectureNodes.HeldOutTraining"/>.</summary>
    public double HeldOutFraction { get; init; } = 0.5;
    /// <summary>How the validation MAD of the selection score is computed (its seed is replaced by <see cref="Seed"/>).</summary>
    public MadOptions SelectionMad { get; init; } = new();
    /// <summary>Refuse a graph whose estimated full-batch activations exceed this (see <see cref="Training.FullBatchLimit"/>).</summary>
    public long MaxActivationBytes { get; init; } = Training.FullBatchLimit.DefaultMaxBytes;

    internal void Validate()
    {
        if (Epochs < 1) throw new ArgumentException($"A search needs at least one epoch, got {Epochs}.");
        if (!(LearningRate > 0)) throw new ArgumentException($"The weight learning rate must be positive, got {LearningRate}.");
        if (WeightDecay < 0) throw new ArgumentException($"The weight decay must be non-negative, got {WeightDecay}.");
        if (!(GradientClip > 0)) throw new ArgumentException($"The gradient clip must be positive, got {GradientClip}.");
        if (!Enum.IsDefined(ArchitectureNodes)) throw new ArgumentException($"Unknown architecture node choice {(int)ArchitectureNodes}.");
    }
}
