using TorchSharp;
using TorchSharp.Modules;
using Vigil.Core.Sparse;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Conv;

/// <summary>
/// Attention-based propagation (Thekumparampil et al. 2018): out_i = Σ_j P_ij x_j with
/// P_ij = softmax_j(β·cos(x_i, x_j)) over i's in-edges plus its self-loop. β is a learnable temperature unless
/// fixed (the first AGNN layer keeps β = 1). No weight matrix: the width is unchanged.
/// </summary>
public sealed class AgnnConv : nn.Module<Tensor, MessageGraph, Tensor>
{
    private readonly Parameter? beta;
    private readonly double fixedBeta;

    public bool LearnableBeta => beta is not null;
    /// <summary>The current temperature β.</summary>
    public double Beta => beta is null ? fixedBeta : beta.item<float>();

    public AgnnConv(bool learnableBeta = true, double initialBeta = 1.0) : base(nameof(AgnnConv))
    {
        fixedBeta = initialBeta;
        if (learnableBeta) beta = new Parameter(full(1, initialBeta));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, MessageGraph g) => SparseOps.SpMM(g.WithSelfLoops, AttentionWeights(x, g), x);

    /// <summary>The coefficients P [Nnz] over the entries of <c>g.WithSelfLoops</c>; each destination's sum to 1.</summary>
    public Tensor AttentionWeights(Tensor x, MessageGraph g)
    {
        LayerInput.RequireSources(nameof(AgnnConv), x.shape[0], g);
        var a = g.WithSelfLoops;
        var unit = nn.functional.normalize(x, 2.0, -1);
        // Targets are the first sources, so a destination index addresses its own row of x directly.
        var cos = (unit.index_select(0, EdgeTensors.Rows(a, x.device)) * unit.index_select(0, EdgeTensors.Cols(a, x.device))).sum(-1);
        return SparseOps.SegmentSoftmax(a, beta is null ? cos * fixedBeta : cos * beta);
    }
}
