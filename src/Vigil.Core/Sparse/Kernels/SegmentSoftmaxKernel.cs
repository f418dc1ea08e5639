using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using static TorchSharp.torch;

namespace Vigil.Core.Sparse.Kernels;

/// <summary>
/// Softmax of per-edge scores [Nnz·H] (entry-major) over each row's entries, per head, shifted by the row's own
/// maximum so no row underflows to 0/0 however far its scores sit from other rows'. Backward:
/// dS = y ⊙ (dY − Σ_row y ⊙ dY).
/// </summary>
internal static unsafe class SegmentSoftmaxKernel
{
    public static Tensor Forward(CsrMatrix a, Tensor scores, int heads)
    {
        var output = TensorMemory.Empty(scores.shape);
        fixed (int* rowPtr = a.RowPtr)
        {
            var job = new ForwardJob(rowPtr, TensorMemory.Floats(scores), TensorMemory.Floats(output), heads);
            // Exp dominates: weigh the work so small graphs stay on the calling thread.
            a.KernelCache.Chunks.Run(job, ((long)a.Nnz * heads) * 16);
        }
        return output;
    }

    public static Tensor Backward(CsrMatrix a, Tensor y, Tensor gradOutput, int heads)
    {
        var gradInput = TensorMemory.Empty(y.shape);
        fixed (int* rowPtr = a.RowPtr)
        {
            var job = new BackwardJob(rowPtr, TensorMemory.Floats(y), TensorMemory.Floats(gradOutput), TensorMemory.Floats(gradInput), heads);
            a.KernelCache.Chunks.Run(job, (long)a.Nnz * heads * 4);
        }
        return gradInput;
    }

    private readonly struct ForwardJob(int* rowPtr, float* scores, float* output, int heads) : IRowRangeJob
    {
        public void Run(int rowStart, int rowEnd)
        {
            long first = (long)rowPtr[rowStart] * heads, last = (long)rowPtr[rowEnd] * heads;
            if (last == first) return;
            // Shift every row by its max, exponentiate the whole chunk in one vectorised call, then normalise.
            for (int i = rowStart; i < rowEnd; i++)
            {
                long s = (long)rowPtr[i] * heads, e = (long)rowPtr[i + 1] * heads;
                for (int h = 0; h < heads; h++)
                {
                    float max = float.NegativeInfinity;
                    for (long k = s + h; k < e; k += heads) max = MathF.Max(max, scores[k]);
                    for (long k = s + h; k < e; k += heads) output[k] = scores[k] - max;
                }
            }
            var chunk = new Span<float>(output + first, checked((int)(last - first)));
            TensorPrimitives.Exp(chunk, chunk);
            for (int i = rowStart; i < rowEnd; i++)
            {
                long s = (long)rowPtr[i] * heads, e = (long)rowPtr[i + 1] * heads;
                for (int h = 0; h < heads; h++)
                {
                    float sum = 0f;
                    for (long k = s + h; k < e; k += heads) sum += output[k];
                    float inv = 1f / sum;
                    for (long k = s + h; k < e; k += heads) output[k] *= inv;
                }
            }
        }
    }

    private readonly struct BackwardJob(int* rowPtr, float* y, float* g, float* gradInput, int heads) : IRowRangeJob
    {
        public void Run(int rowStart, int rowEnd)
        {
            for (int i = rowStart; i < rowEnd; i++)
            {
                long s = (long)rowPtr[i] * heads, e = (long)rowPtr[i + 1] * heads;
                for (int h = 0; h < heads; h++)
                {
                    float dot = 0f;
                    for (long k = s + h; k < e; k += heads) dot += y[k] * g[k];
                    for (long k = s + h; k < e; k += heads) gradInput[k] = y[k] * (g[k] - dot);
                }
            }
        }
    }
}
