using System.Runtime.Intrinsics;
using static TorchSharp.torch;

namespace Vigil.Core.Sparse.Kernels;

/// <summary>
/// Per-row element-wise max of gathered source rows, recording for every output element the entry that won
/// (−1 for empty rows, whose output is 0 and which pass no gradient). The backward pass runs over the
/// transpose so each source row accumulates its own gradient without atomics.
/// </summary>
internal static unsafe class SegmentMaxKernel
{
    /// <summary>X: [A.Cols, F] → (max [A.Rows, F], winning entry [A.Rows, F] as int32).</summary>
    public static (Tensor Max, Tensor Argmax) Forward(CsrMatrix a, Tensor x)
    {
        int width = (int)x.shape[1];
        var output = TensorMemory.Empty(a.Rows, width);
        var argmax = empty(new long[] { a.Rows, width }, dtype: ScalarType.Int32);
        fixed (int* rowPtr = a.RowPtr, cols = a.ColIdx)
        {
            var job = new ForwardJob(rowPtr, cols, TensorMemory.Floats(x), width, TensorMemory.Floats(output), TensorMemory.Ints(argmax));
            a.KernelCache.Chunks.Run(job, ((long)a.Nnz + a.Rows) * width);
        }
        return (output, argmax);
    }

    /// <summary>dX[c, f] = Σ over entries e = (i, c) that won output (i, f) of G[i, f].</summary>
    public static Tensor Backward(CsrMatrix a, Tensor argmax, Tensor gradOutput)
    {
        var t = a.Transpose(out var permutation);
        int width = (int)gradOutput.shape[1];
        var gradInput = TensorMemory.Empty(a.Cols, width);
        fixed (int* rowPtr = t.RowPtr, dest = t.ColIdx, perm = permutation)
        {
            var job = new BackwardJob(rowPtr, dest, perm, TensorMemory.Ints(argmax), TensorMemory.Floats(gradOutput), width, TensorMemory.Floats(gradInput));
            t.KernelCache.Chunks.Run(job, ((long)t.Nnz + t.Rows) * width);
        }
        return gradInput;
    }

    private readonly struct ForwardJob(int* rowPtr, int* cols, float* x, int width, float* output, int* argmax) : IRowRangeJob
    {
        public void Run(int rowStart, int rowEnd)
        {
            for (int i = rowStart; i < rowEnd; i++)
            {
                float* o = output + (long)i * width;
                int* arg = argmax + (long)i * width;
                int s = rowPtr[i], end = rowPtr[i + 1];
                if (s == end)
                {
                    new Span<float>(o, width).Clear();
                    new Span<int>(arg, width).Fill(-1);
                    continue;
                }
                float* first = x + (long)cols[s] * width;
                int j = 0;
                if (Vector256.IsHardwareAccelerated)
                {
                    for (; j + 8 <= width; j += 8)
                    {
                        var best = Vector256.Load(first + j);
                        var winner = Vector256.Create(s);
                        for (int e = s + 1; e < end; e++)
                        {
                            var v = Vector256.Load(x + (long)cols[e] * width + j);
                            var better = Vector256.GreaterThan(v, best);
                            best = Vector256.ConditionalSelect(better, v, best);
                            winner = Vector256.ConditionalSelect(better.AsInt32(), Vector256.Create(e), winner);
                        }
                        best.Store(o + j);
                        winner.Store(arg + j);
                    }
                }
                for (; j < width; j++)
                {
                    float best = first[j];
                    int winner = s;
                    for (int e = s + 1; e < end; e++)
                    {
                        float v = x[(long)cols[e] * width + j];
                        if (v > best) { best = v; winner = e; }
                    }
                    o[j] = best;
                    arg[j] = winner;
                }
            }
        }
    }

    private readonly struct BackwardJob(int* rowPtr, int* dest, int* perm, int* argmax, float* g, int width, float* gradInput) : IRowRangeJob
    {
        public void Run(int rowStart, int rowEnd)
        {
            for (int c = rowStart; c < rowEnd; c++)
            {
                float* o = gradInput + (long)c * width;
                new Span<float>(o, width).Clear();
                for (int k = rowPtr[c]; k < rowPtr[c + 1]; k++)
                {
                    long offset = (long)dest[k] * width;
                    int entry = perm[k];
                    int* arg = argmax + offset;
                    float* gi = g + offset;
                    int j = 0;
                    if (Vector256.IsHardwareAccelerated)
                    {
                        var e = Vector256.Create(entry);
                        for (; j + 8 <= width; j += 8)
                        {
                            var won = Vector256.Equals(Vector256.Load(arg + j), e).AsSingle();
                            var sum = Vector256.Load(o + j) + (Vector256.Load(gi + j) & won);
                            sum.Store(o + j);
                        }
                    }
                    for (; j < width; j++)
                        if (arg[j] == entry) o[j] += gi[j];
                }
            }
        }
    }
}
