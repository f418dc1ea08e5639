using Vigil.Graphs.Nn.Norm;

namespace Vigil.Nas.Operations;

/// <summary>
/// Hyper-parameters of the candidate operations. The defaults are those of the GraTO reference code, except where
/// noted.
/// </summary>
public sealed record OperationOptions
{
    /// <summary>Dropout on the input of every convolution operation (training only; GraTO applied it always).</summary>
    public double Dropout { get; init; } = 0.6;
    /// <summary>PairNorm after every convolution operation (GraTO: PN-SI, PN for GAT; one mode here); null: none.</summary>
    public PairNormMode? PairNorm { get; init; } = PairNormMode.PNSI;
    public double PairNormScale { get; init; } = 1.0;
    /// <summary>
    /// Dropout on GAT's attention coefficients. GatConv draws it from torch's global generator even when the network
    /// has its own, so a search with GAT and this dropout is reproducible only when nothing else uses that generator.
    /// </summary>
    public double AttentionDropout { get; init; } = 0.6;
    /// <summary>Propagation steps of the SGC operation (GraTO used PyG's default, 1, which equals GCN; SGC's paper uses 2).</summary>
    public int SgcSteps { get; init; } = 2;
    /// <summary>Power-iteration steps (K) of the APPNP operations, <c>appnp</c> and <c>appnp-initial</c> (APPNP's paper: 10).</summary>
    public int AppnpSteps { get; init; } = 10;
    /// <summary>Teleport share (α) of the APPNP operations (APPNP's paper: 0.1).</summary>
    public double AppnpAlpha { get; init; } = 0.1;
    /// <summary>Edge drop rate of the DropEdge operation.</summary>
    public double DropEdgeRate { get; init; } = 0.3;
    /// <summary>Rate of the element-wise DropAttribute operation (GraTO's Drop_attr5).</summary>
    public double ElementDropRate { get; init; } = 0.6;
    /// <summary>Share of the initial representation in the GCNII operation (α).</summary>
    public double InitialResidualAlpha { get; init; } = 0.1;
    /// <summary>GCNII's λ in the identity-mapping strength β = ln(λ/l + 1), l the 1-based block.</summary>
    public double InitialResidualLambda { get; init; } = 0.5;
}
