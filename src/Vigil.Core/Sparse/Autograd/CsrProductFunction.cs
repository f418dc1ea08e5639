using Vigil.Core.Sparse.Kernels;
using static TorchSharp.torch;
using static TorchSharp.torch.autograd;

namespace Vigil.Core.Sparse.Autograd;

/// <summary>
/// out = M·X with the matrix's fixed values; dX = Mᵀ·dOut through the cached transpose (which carries the
/// values in transposed order). apply(matrix, x) with x contiguous float32.
/// </summary>
internal sealed class CsrProductFunction : SingleTensorFunction<CsrProductFunction>
{
    public override string Name => "VigilCsrProduct";

    public override Tensor forward(AutogradContext ctx, params object[] vars)
    {
        var m = (CsrMatrix)vars[0];
        ctx.save_data("m", m);
        return CsrProduct.Multiply(m, (Tensor)vars[1]);
    }

    public override List<Tensor> backward(AutogradContext ctx, Tensor gradOutput)
    {
        var m = (CsrMatrix)ctx.get_data("m");
        using var g = TensorMemory.Contiguous(gradOutput);
        return [null!, CsrProduct.Multiply(m.Transpose(), g)];
    }
}
