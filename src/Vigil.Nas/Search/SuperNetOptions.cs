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

    internal void Validate()
    {
        if (Blocks < 1) throw new ArgumentException($"The search network needs at least one block, got {Blocks}.");
        CellTopology.RequireSteps(Steps);
        if (Hidden < 1) throw new ArgumentException($"The hidden width must be positive, got {Hidden}.");
    }
}
