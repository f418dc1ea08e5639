using TorchSharp;
using TorchSharp.Modules;
using Vigil.Core.Sparse;
using Vigil.Graphs.Nn.Linear;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Conv;

/// <summary>
/// Simplified graph convolution (Wu et al. 2019): Â^K·X·W + b, one linear map and no non-linearity. W is applied
/// first: Â^K(X·W) equals (Â^K X)·W, and propagating the narrow X·W is far cheaper than the raw features.
/// K &gt; 1 needs a square graph because each step's output is the next step's input.
/// </summary>
public sealed class SgcConv : nn.Module<Tensor, MessageGraph, Tensor>, IFeatureInputLayer
{
    private readonly FeatureLinear lin;
    private readonly Parameter? bias;

    public int InFeatures { get; }
    public int OutFeatures { get; }
    public int K { get; }

    public SgcConv(int inFeatures, int outFeatures, int k = 2, bool hasBias = true) : base(nameof(SgcConv))
    {
        if (k < 1) throw new ArgumentException($"{nameof(SgcConv)} needs K ≥ 1 propagation steps, got {k}.");
        InFeatures = inFeatures; OutFeatures = outFeatures; K = k;
        lin = new FeatureLinear(inFeatures, outFeatures, hasBias: false);
        if (hasBias) bias = new Parameter(zeros(outFeatures));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, MessageGraph g)
    {
        Check(x.shape[0], g);
        return Propagate(lin.forward(x), g);
    }

    public Tensor forward(FeatureInput x, MessageGraph g)
    {
        Check(x.Rows, g);
        return Propagate(lin.forward(x), g);
    }

    private void Check(long rows, MessageGraph g)
    {
        LayerInput.RequireSources(nameof(SgcConv), rows, g);
        LayerInput.RequireSquareForRepeats(nameof(SgcConv), K, g);
    }

    private Tensor Propagate(Tensor h, MessageGraph g)
    {
        var a = g.GcnNormalized;
        for (int k = 0; k < K; k++) h = SparseOps.SpMM(a, h);
        return bias is null ? h : h + bias;
    }
}
