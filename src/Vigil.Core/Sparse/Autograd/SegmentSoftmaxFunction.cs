using Vigil.Core.Sparse.Kernels;
using static TorchSharp.torch;
using static TorchSharp.torch.autograd;

namespace Vigil.Core.Sparse.Autograd;

/// <summary>Per-row, per-head softmax of edge scores; apply(matrix, scores) with scores contiguous float32.</summary>
internal sealed class SegmentSoftmaxFunction : SingleTensorFunction<SegmentSoftmaxFunction>
{
    public override string Name => "VigilSegmentSoftmax";

    public override Tensor forward(AutogradContext ctx, params object[] vars)
    {
        var a = (CsrMatrix)vars[0];
        var scores = (Tensor)vars[1];
        int heads = Heads(scores);
        var y = SegmentSoftmaxKernel.Forward(a, scores, heads);
        ctx.save_data("a", a);
        // Save a detached alias of the output: saving the output itself would make the node hold a tensor whose
        // grad_fn is the node, a cycle that keeps the graph alive.
        ctx.save_for_backward([y.detach()]);
        return y;
    }

    public override List<Tensor> backward(AutogradContext ctx, Tensor gradOutput)
    {
        var a = (CsrMatrix)ctx.get_data("a");
        using var y = ctx.get_saved_variables()[0];
        using var g = TensorMemory.Contiguous(gradOutput);
        return [null!, SegmentSoftmaxKernel.Backward(a, y, g, Heads(y))];
    }

    private static int Heads(Tensor scores) => scores.dim() == 1 ? 1 : (int)scores.shape[1];
}
