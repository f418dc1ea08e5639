namespace Vigil.Nas.Loss;

/// <summary>
/// GraTO's smoothness term w / (MAD_diff + ε): <see cref="Weight"/> w (0 turns it off), <see cref="SampleSize"/>
/// nodes drawn per evaluation, and <see cref="Epsilon"/> ε, which bounds the term when representations collapse.
/// </summary>
public sealed record SmoothnessOptions
{
    public double Weight { get; init; } = 1.0;
    /// <summary>Nodes drawn (without replacement) each time the term is evaluated (GraTO drew 20 with replacement).</summary>
    public int SampleSize { get; init; } = 64;
    public double Epsilon { get; init; } = 1e-3;

    internal void Validate()
    {
        if (Weight < 0 || !double.IsFinite(Weight)) throw new ArgumentException($"The smoothness weight must be finite and non-negative, got {Weight}.");
        if (SampleSize < 2) throw new ArgumentException($"The smoothness sample needs at least 2 nodes, got {SampleSize}.");
        if (!(Epsilon > 0) || !double.IsFinite(Epsilon)) throw new ArgumentException($"The smoothness ε must be finite and positive, got {Epsilon}.");
    }
}
