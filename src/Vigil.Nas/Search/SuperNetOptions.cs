using Vigil.Nas.Cells;

namespace Vigil.Nas.Search;

/// <summary>Shape of the search network: cells (blocks), intermediate nodes per cell, hidden width, cell output.</summary>
public sealed record SuperNetOptions
{
    public int Blocks { get; init; } = 2;
    /// <summary>Intermediate nodes per cell (GraTO searched with 3).</summary>
    public int Steps { get; init; } = 3;
    public int Hidden { get; init; } = 64;
    public CellCombine Combine { get; init; } = CellCombine.Mean;
    /// <summary>
    /// Dropout on the input features and before the classifier (0: off, GraTO's setting). Without it the wide input
    /// layer overfits a small training set within a few epochs, and the search then favours the operations that
    /// regularise (the drop operations) over those that generalise.
    /// </summary>
    public double InputDropout { get; init; }

    internal void Validate()
    {
        if (Blocks < 1) throw new ArgumentException($"The search network needs at least one block, got {Blocks}.");
        CellTopology.RequireSteps(Steps);
        if (Hidden < 1) throw new ArgumentException($"The hidden width must be positive, got {Hidden}.");
        if (InputDropout is < 0 or >= 1) throw new ArgumentException($"The input dropout must be in [0, 1), got {InputDropout}.");
    }
}
