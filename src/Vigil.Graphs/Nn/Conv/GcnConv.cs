using TorchSharp;
using TorchSharp.Modules;
using Vigil.Core.Sparse;
using Vigil.Graphs.Nn.Linear;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Conv;

/// <summary>
/// Graph convolution (Kipf &amp; Welling 2017): Â·(X·W) + b with Â = D^-1/2 (A + I) D^-1/2, the normalisation
/// cached on the <see cref="MessageGraph"/>. On a bipartite block both degrees are counted inside the block
/// (targets' rows, sources' columns), as DGL's block GraphConv does.
/// </summary>
public sealed class GcnConv : nn.Module<Tensor, MessageGraph, Tensor>, IFeatureInputLayer
{
    private readonly FeatureLinear lin;
    private readonly Parameter? bias;

    public int InFeatures { get; }
    public int OutFeatures { get; }

    public GcnConv(int inFeatures, int outFeatures, bool hasBias = true) : base(nameof(GcnConv))
    {
        InFeatures = inFeatures; OutFeatures = outFeatures;
        // Multiplying by W before propagating keeps the sparse product at the (usually smaller) output width.
        lin = new FeatureLinear(inFeatures, outFeatures, hasBias: false);
        if (hasBias) bias = new Parameter(zeros(outFeatures));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, MessageGraph g)
    {
        LayerInput.RequireSources(nameof(GcnConv), x.shape[0], g);
        return Propagate(lin.forward(x), g);
    }

    public Tensor forward(FeatureInput x, MessageGraph g)
    {
        LayerInput.RequireSources(nameof(GcnConv), x.Rows, g);
        return Propagate(lin.forward(x), g);
    }

    private Tensor Propagate(Tensor h, MessageGraph g)
    {
        var y = SparseOps.SpMM(g.GcnNormalized, h);
        // In place: the sparse product does not keep its output for backward, so this saves a full-size buffer.
        return bias is null ? y : y.add_(bias);
    }
}
