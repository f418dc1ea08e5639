using Vigil.Core.Sparse.Kernels;
using static TorchSharp.torch;
using static TorchSharp.torch.autograd;

namespace Vigil.Core.Sparse.Autograd;

/// <summary>
/// out = A(values)·X with learned per-edge values [Nnz] or [Nnz, H] (head h weights X's columns h·F…(h+1)·F−1).
/// dX = Aᵀ(values)·dOut read through the transpose permutation; dValues[e, h] = ⟨dOut[row e, h], X[col e, h]⟩.
/// apply(matrix, values, x) with both tensors contiguous float32.
/// </summary>
internal sealed class EdgeValueProductFunction : SingleTensorFunction<EdgeValueProductFunction>
{
    public override string Name => "VigilEdgeValueProduct";

    public override unsafe Tensor forward(AutogradContext ctx, params object[] vars)
    {
        var a = (CsrMatrix)vars[0];
        var values = (Tensor)vars[1];
        var x = (Tensor)vars[2];
        ctx.save_data("a", a);
        ctx.save_data("needs", (values.requires_grad, x.requires_grad));
        ctx.save_for_backward([values, x]);
        return CsrProduct.MultiplyEdgeValues(a, TensorMemory.Floats(values), Heads(values), x);
    }

    public override unsafe List<Tensor> backward(AutogradContext ctx, Tensor gradOutput)
    {
        var a = (CsrMatrix)ctx.get_data("a");
        var (valuesNeedGrad, xNeedsGrad) = ((bool, bool))ctx.get_data("needs");
        var saved = ctx.get_saved_variables();
        using var values = saved[0];
        using var x = saved[1];
        using var g = TensorMemory.Contiguous(gradOutput);
        int heads = Heads(values);
        Tensor? gradValues = null, gradX = null;
        if (valuesNeedGrad)
        {
            gradValues = CsrProduct.EdgeValueGradient(a, g, x, heads);
            if (values.dim() == 1) gradValues = gradValues.view(a.Nnz);
        }
        if (xNeedsGrad) gradX = CsrProduct.MultiplyEdgeValuesTransposed(a, TensorMemory.Floats(values), heads, g);
        return [null!, gradValues!, gradX!];
    }

    private static int Heads(Tensor values) => values.dim() == 1 ? 1 : (int)values.shape[1];
}
