using Vigil.Core.Sparse.Kernels;
using static TorchSharp.torch;
using static TorchSharp.torch.autograd;

namespace Vigil.Core.Sparse.Autograd;

/// <summary>
/// out[e, h] = ⟨T[row e, h], S[col e, h]⟩ (a sampled dense-dense product): the per-edge attention logits of
/// transformer-style graph layers, without gathering a [Nnz, H·F] copy of either side.
/// dT = A(dOut)·S and dS = Aᵀ(dOut)·T: the edge-valued products the SpMM kernels already provide.
/// apply(matrix, targets, sources, heads) with both tensors contiguous float32.
/// </summary>
internal sealed class EdgeDotFunction : SingleTensorFunction<EdgeDotFunction>
{
    public override string Name => "VigilEdgeDot";

    public override Tensor forward(AutogradContext ctx, params object[] vars)
    {
        var a = (CsrMatrix)vars[0];
        var targets = (Tensor)vars[1];
        var sources = (Tensor)vars[2];
        int heads = (int)vars[3];
        ctx.save_data("a", a);
        ctx.save_data("heads", heads);
        ctx.save_data("needs", (targets.requires_grad, sources.requires_grad));
        ctx.save_for_backward([targets, sources]);
        return CsrProduct.EdgeValueGradient(a, targets, sources, heads);
    }

    public override unsafe List<Tensor> backward(AutogradContext ctx, Tensor gradOutput)
    {
        var a = (CsrMatrix)ctx.get_data("a");
        int heads = (int)ctx.get_data("heads");
        var (targetsNeedGrad, sourcesNeedGrad) = ((bool, bool))ctx.get_data("needs");
        var saved = ctx.get_saved_variables();
        using var targets = saved[0];
        using var sources = saved[1];
        using var g = TensorMemory.Contiguous(gradOutput);
        float* values = TensorMemory.Floats(g);
        var gradTargets = targetsNeedGrad ? CsrProduct.MultiplyEdgeValues(a, values, heads, sources) : null;
        var gradSources = sourcesNeedGrad ? CsrProduct.MultiplyEdgeValuesTransposed(a, values, heads, targets) : null;
        return [null!, gradTargets!, gradSources!, null!];
    }
}
