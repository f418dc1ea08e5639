namespace Vigil.Nas.Cells;

/// <summary>How a cell turns its intermediate nodes into its output.</summary>
public enum CellCombine
{
    /// <summary>The mean of the intermediate nodes: no parameters, and the scale does not grow with their number.</summary>
    Mean,
    /// <summary>The intermediate nodes concatenated, then a linear map back to the hidden width (DARTS-style concat).</summary>
    ConcatLinear,
}
