namespace Vigil.Nas.Genotypes;

/// <summary>
/// One kept edge of a derived cell: the operation applied to state <see cref="Input"/> (0 = residual input,
/// 1 = previous block's output, 2 + i = intermediate node i; see <see cref="Cells.CellTopology"/>).
/// </summary>
public sealed record GenotypeEdge(string Operation, int Input)
{
    public override string ToString() => $"{Operation}(s{Input})";
}
