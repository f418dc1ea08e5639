namespace Vigil.Nas.Search;

/// <summary>
/// The architecture optimiser: Adam on α with DARTS's settings (lr 3e-4, betas (0.5, 0.999), weight decay 1e-3),
/// the gradient order, and for the second-order gradient the unrolled step ξ (DARTS uses the weights' learning
/// rate), its weight decay, and the finite-difference radius r (ε = r / ‖∇_w′ L_val‖).
/// </summary>
public sealed record ArchitectOptions
{
    public double LearningRate { get; init; } = 3e-4;
    public double Beta1 { get; init; } = 0.5;
    public double Beta2 { get; init; } = 0.999;
    public double WeightDecay { get; init; } = 1e-3;
    public ArchitectureGradient Gradient { get; init; } = ArchitectureGradient.FirstOrder;
    public double UnrolledLearningRate { get; init; } = 0.005;
    public double UnrolledWeightDecay { get; init; } = 5e-4;
    public double FiniteDifferenceRadius { get; init; } = 0.01;

    internal void Validate()
    {
        if (!(LearningRate > 0)) throw new ArgumentException($"The architecture learning rate must be positive, got {LearningRate}.");
        if (Beta1 is < 0 or >= 1 || Beta2 is < 0 or >= 1) throw new ArgumentException($"Adam betas must be in [0, 1), got ({Beta1}, {Beta2}).");
        if (WeightDecay < 0) throw new ArgumentException($"The architecture weight decay must be non-negative, got {WeightDecay}.");
        if (!Enum.IsDefined(Gradient)) throw new ArgumentException($"Unknown architecture gradient {(int)Gradient}.");
        if (UnrolledLearningRate < 0) throw new ArgumentException($"The unrolled step ξ must be non-negative, got {UnrolledLearningRate}.");
        if (UnrolledWeightDecay < 0) throw new ArgumentException($"The unrolled weight decay must be non-negative, got {UnrolledWeightDecay}.");
        if (!(FiniteDifferenceRadius > 0)) throw new ArgumentException($"The finite-difference radius must be positive, got {FiniteDifferenceRadius}.");
    }
}
