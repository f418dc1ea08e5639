using Vigil.Core.Sparse.Kernels;
using static TorchSharp.torch;
using static TorchSharp.torch.autograd;

namespace Vigil.Core.Sparse.Autograd;

/// <summary>
/// out = s·M·X + t·Y with M's fixed values; dX = s·Mᵀ·dOut (scaled inside the transposed product), dY = t·dOut.
/// apply(matrix, x, y, s, t) with x and y contiguous float32. One autograd node instead of a product, a scale and an
/// add, each of which would read and write the whole [rows, F] block again, forward and backward.
/// </summary>
internal sealed class CsrMixFunction : SingleTensorFunction<CsrMixFunction>
{
    public override string Name => "VigilCsrMix";

    public override Tensor forward(AutogradContext ctx, params object[] vars)
    {
        var m = (CsrMatrix)vars[0];
        var (x, y) = ((Tensor)vars[1], (Tensor)vars[2]);
        float scale = (float)vars[3], addendScale = (float)vars[4];
        ctx.save_data("m", m);
        ctx.save_data("s", scale);
        ctx.save_data("t", addendScale);
        ctx.save_data("dx", x.requires_grad);
        ctx.save_data("dy", y.requires_grad);
        return CsrProduct.MultiplyMix(m, x, scale, y, addendScale);
    }

    public override List<Tensor> backward(AutogradContext ctx, Tensor gradOutput)
    {
        var m = (CsrMatrix)ctx.get_data("m");
        float scale = (float)ctx.get_data("s"), addendScale = (float)ctx.get_data("t");
        using var g = TensorMemory.Contiguous(gradOutput);
        var dx = (bool)ctx.get_data("dx") ? CsrProduct.MultiplyMix(m.Transpose(), g, scale, null, 1f) : null;
        var dy = (bool)ctx.get_data("dy") ? g.mul(addendScale) : null;
        return [null!, dx!, dy!, null!, null!];
    }
}
