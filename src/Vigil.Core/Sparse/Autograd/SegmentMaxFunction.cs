using Vigil.Core.Sparse.Kernels;
using static TorchSharp.torch;
using static TorchSharp.torch.autograd;

namespace Vigil.Core.Sparse.Autograd;

/// <summary>Per-row element-wise max of source rows; apply(matrix, x) with x contiguous float32 [Cols, F].</summary>
internal sealed class SegmentMaxFunction : SingleTensorFunction<SegmentMaxFunction>
{
    public override string Name => "VigilSegmentMax";

    public override Tensor forward(AutogradContext ctx, params object[] vars)
    {
        var a = (CsrMatrix)vars[0];
        var (max, argmax) = SegmentMaxKernel.Forward(a, (Tensor)vars[1]);
        ctx.save_data("a", a);
        ctx.save_for_backward([argmax]);
        return max;
    }

    public override List<Tensor> backward(AutogradContext ctx, Tensor gradOutput)
    {
        var a = (CsrMatrix)ctx.get_data("a");
        using var argmax = ctx.get_saved_variables()[0];
        using var g = TensorMemory.Contiguous(gradOutput);
        return [null!, SegmentMaxKernel.Backward(a, argmax, g)];
    }
}
