namespace Vigil.Graphs.Smoothness;

/// <summary>
/// Exact-versus-sampled control for MAD. The sampled estimator draws <see cref="SampledSources"/> rows uniformly
/// without replacement (all rows when there are fewer) with <see cref="Seed"/>, estimates each drawn row's mean
/// distance from at most <see cref="SampledPairsPerSource"/> of its selected pairs per mask, and averages those
/// row means exactly as the exact computation averages all rows. Per-row pairs are: every pair when the row has
/// few enough candidates; for hop-distance masks, a uniform subset (reservoir) of the breadth-first ball for a
/// bounded range and uniform draws among nodes outside the ball for an unbounded range; for other masks, uniform
/// draws among all candidate columns kept when the mask selects them (so a very sparse arbitrary predicate is
/// better expressed as a hop range). Both steps are unbiased for the row means and consistent for the ratio.
/// </summary>
public sealed record MadOptions
{
    public static MadOptions Default { get; } = new();

    public MadMethod Method { get; init; } = MadMethod.Auto;

    /// <summary>Largest rows × columns product computed exactly under <see cref="MadMethod.Auto"/> (5,000² nodes).</summary>
    public long ExactMaxPairs { get; init; } = 25_000_000;

    /// <summary>Rows (source nodes) the sampled estimator draws.</summary>
    public int SampledSources { get; init; } = 512;

    /// <summary>Most pairs per drawn row and mask that the sampled estimator evaluates.</summary>
    public int SampledPairsPerSource { get; init; } = 1024;

    /// <summary>Seed of the sampled estimator; the same seed and inputs give the same estimate.</summary>
    public int Seed { get; init; }

    internal void Validate()
    {
        if (ExactMaxPairs < 0) throw new ArgumentOutOfRangeException(nameof(ExactMaxPairs), $"ExactMaxPairs must be non-negative, got {ExactMaxPairs}.");
        if (SampledSources < 1) throw new ArgumentOutOfRangeException(nameof(SampledSources), $"SampledSources must be at least 1, got {SampledSources}.");
        if (SampledPairsPerSource < 1) throw new ArgumentOutOfRangeException(nameof(SampledPairsPerSource), $"SampledPairsPerSource must be at least 1, got {SampledPairsPerSource}.");
    }

    internal bool UseExact(long rows, long columns) => Method switch
    {
        MadMethod.Exact => true,
        MadMethod.Sampled => false,
        _ => rows * columns <= ExactMaxPairs,
    };
}
