using Vigil.Nas.Cells;
using Vigil.Nas.Operations;

namespace Vigil.Nas.Genotypes;

/// <summary>
/// Shape of a network built from a genotype: how many cells (blocks), the hidden width, the operation settings, and
/// dropout on the input features and before the classifier (0: off). The two dropouts are not part of the searched
/// cell; on small labelled sets such as Cora's 140 training nodes the wide input layer overfits without them.
/// </summary>
public sealed record GenotypeNetworkOptions
{
    public int Blocks { get; init; } = 2;
    public int Hidden { get; init; } = 64;
    public OperationOptions Operations { get; init; } = new();
    public double InputDropout { get; init; }
    public double OutputDropout { get; init; }
    /// <summary>How every intermediate node joins its edges (the search always sums; see <see cref="NodeReduction"/>).</summary>
    public NodeReduction NodeReduction { get; init; } = NodeReduction.Sum;
}
