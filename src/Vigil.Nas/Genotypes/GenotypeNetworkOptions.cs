using Vigil.Nas.Operations;

namespace Vigil.Nas.Genotypes;

/// <summary>Shape of a network built from a genotype: how many cells (blocks), the hidden width, the operation settings.</summary>
public sealed record GenotypeNetworkOptions
{
    public int Blocks { get; init; } = 2;
    public int Hidden { get; init; } = 64;
    public OperationOptions Operations { get; init; } = new();
}
