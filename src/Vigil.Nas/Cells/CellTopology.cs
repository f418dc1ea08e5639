namespace Vigil.Nas.Cells;

/// <summary>
/// The wiring of a DARTS cell with two inputs and <see cref="Steps"/> intermediate nodes. States are numbered
/// 0 = the residual input (the output of the block before the previous one), 1 = the previous block's output,
/// 2 + i = intermediate node i. Node i has one incoming edge from every earlier state (2 + i edges); edges are
/// numbered node by node, so node i's edge from state j is <c>FirstEdge(i) + j</c>.
/// </summary>
public static class CellTopology
{
    /// <summary>States every cell starts from (residual input and previous output).</summary>
    public const int InputStates = 2;

    /// <summary>Incoming edges of intermediate node <paramref name="node"/> (0-based).</summary>
    public static int EdgesInto(int node) => InputStates + node;

    /// <summary>Index of node <paramref name="node"/>'s edge from state 0.</summary>
    public static int FirstEdge(int node) => node * InputStates + node * (node - 1) / 2;

    /// <summary>All edges of a cell with <paramref name="steps"/> intermediate nodes.</summary>
    public static int EdgeCount(int steps) => FirstEdge(steps);

    public static void RequireSteps(int steps)
    {
        if (steps < 1) throw new ArgumentException($"A cell needs at least one intermediate node, got {steps}.");
    }
}
