using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using static TorchSharp.torch;

namespace Vigil.Core.Sparse.Kernels;

/// <summary>
/// Sparse × dense products on raw memory: out = M·X with M's own values (or ones), and the multi-head
/// edge-value form out[:, h·F..] = M(values[:, h])·X[:, h·F..], either directly or through M's transpose.
/// Parallel over nnz-balanced row chunks of whichever matrix is being multiplied.
/// </summary>
internal static unsafe class CsrProduct
{
    /// <summary>M·X with M's values (ones when M is a pattern). X: [M.Cols, W] contiguous float32 → [M.Rows, W].</summary>
    public static Tensor Multiply(CsrMatrix m, Tensor x)
    {
        int width = (int)x.shape[1];
        var output = TensorMemory.Empty(m.Rows, width);
        fixed (int* rowPtr = m.RowPtr, cols = m.ColIdx)
        fixed (float* values = m.Values)
        {
            float* px = TensorMemory.Floats(x), po = TensorMemory.Floats(output);
            long work = ((long)m.Nnz + m.Rows) * width;
            if (values is null)
                m.KernelCache.Chunks.Run(new GatherJob<UnitWeights>(rowPtr, cols, px, width, po, 1, width, default), work);
            else
                m.KernelCache.Chunks.Run(new GatherJob<StridedWeights>(rowPtr, cols, px, width, po, 1, width, new(values, 1)), work);
        }
        return output;
    }

    /// <summary>
    /// scale·M·X + addendScale·Addend in one pass per row (the row is finished while it is in L1), for layers that
    /// mix a propagation with a residual (GCNII's initial residual, APPNP's teleport). Addend: [M.Rows, W]
    /// contiguous, or null for a scaled product alone (the gradient through the transpose).
    /// </summary>
    public static Tensor MultiplyMix(CsrMatrix m, Tensor x, float scale, Tensor? addend, float addendScale)
    {
        int width = (int)x.shape[1];
        var output = TensorMemory.Empty(m.Rows, width);
        fixed (int* rowPtr = m.RowPtr, cols = m.ColIdx)
        fixed (float* values = m.Values)
        {
            float* px = TensorMemory.Floats(x), po = TensorMemory.Floats(output);
            float* pa = addend is null ? null : TensorMemory.Floats(addend);
            long work = ((long)m.Nnz + 2 * m.Rows) * width;
            if (values is null)
                m.KernelCache.Chunks.Run(new MixJob<UnitWeights>(rowPtr, cols, px, width, po, new(pa, scale, addendScale), default), work);
            else
                m.KernelCache.Chunks.Run(new MixJob<StridedWeights>(rowPtr, cols, px, width, po, new(pa, scale, addendScale), new(values, 1)), work);
        }
        return output;
    }

    /// <summary>
    /// A(values)·X with per-edge values [Nnz·H] (entry-major) and X: [A.Cols, H·F] → [A.Rows, H·F].
    /// </summary>
    public static Tensor MultiplyEdgeValues(CsrMatrix a, float* values, int heads, Tensor x)
    {
        int width = (int)x.shape[1];
        var output = TensorMemory.Empty(a.Rows, width);
        fixed (int* rowPtr = a.RowPtr, cols = a.ColIdx)
        {
            long work = ((long)a.Nnz + a.Rows) * width;
            var weights = new StridedWeights(values, heads);
            float* px = TensorMemory.Floats(x), po = TensorMemory.Floats(output);
            if (heads > 1 && HeadGather.Applies(width / heads))
                a.KernelCache.Chunks.Run(new HeadGatherJob<StridedWeights>(rowPtr, cols, px, width, po, width / heads, weights), work);
            else
                a.KernelCache.Chunks.Run(new GatherJob<StridedWeights>(rowPtr, cols, px, width, po, heads, width / heads, weights), work);
        }
        return output;
    }

    /// <summary>
    /// Aᵀ(values)·G for per-edge values of A [Nnz·H] and G: [A.Rows, H·F] → [A.Cols, H·F]: each source gathers
    /// from its destinations, reading A's values through the transpose permutation (no permuted copy).
    /// </summary>
    public static Tensor MultiplyEdgeValuesTransposed(CsrMatrix a, float* values, int heads, Tensor g)
    {
        var t = a.Transpose(out var permutation);
        int width = (int)g.shape[1];
        var output = TensorMemory.Empty(t.Rows, width);
        fixed (int* rowPtr = t.RowPtr, cols = t.ColIdx, perm = permutation)
        {
            long work = ((long)t.Nnz + t.Rows) * width;
            var weights = new PermutedWeights(values, perm, heads);
            float* pg = TensorMemory.Floats(g), po = TensorMemory.Floats(output);
            if (heads > 1 && HeadGather.Applies(width / heads))
                t.KernelCache.Chunks.Run(new HeadGatherJob<PermutedWeights>(rowPtr, cols, pg, width, po, width / heads, weights), work);
            else
                t.KernelCache.Chunks.Run(new GatherJob<PermutedWeights>(rowPtr, cols, pg, width, po, heads, width / heads, weights), work);
        }
        return output;
    }

    /// <summary>
    /// Gradient of A(values)·X with respect to the values: dV[e, h] = ⟨G[row e, head h], X[col e, head h]⟩.
    /// G: [A.Rows, H·F], X: [A.Cols, H·F] → [Nnz, H].
    /// </summary>
    public static Tensor EdgeValueGradient(CsrMatrix a, Tensor g, Tensor x, int heads)
    {
        int width = (int)x.shape[1];
        var output = TensorMemory.Empty(a.Nnz, heads);
        fixed (int* rowPtr = a.RowPtr, cols = a.ColIdx)
        {
            var job = new EdgeDotJob(rowPtr, cols, TensorMemory.Floats(g), TensorMemory.Floats(x), width,
                TensorMemory.Floats(output), heads);
            a.KernelCache.Chunks.Run(job, ((long)a.Nnz + a.Rows) * width);
        }
        return output;
    }

    /// <summary>Rows of M·X: per row and head, a weighted gather of X's head segment into the output.</summary>
    private readonly struct GatherJob<W>(int* rowPtr, int* cols, float* x, int ldx, float* output, int heads, int headWidth, W weights)
        : IRowRangeJob where W : struct, IEdgeWeights<W>
    {
        public void Run(int rowStart, int rowEnd)
        {
            for (int i = rowStart; i < rowEnd; i++)
            {
                float* o = output + (long)i * ldx;
                for (int h = 0; h < heads; h++)
                    RowGather.Accumulate(o + h * headWidth, x + h * headWidth, ldx, headWidth, cols, rowPtr[i], rowPtr[i + 1], weights.ForHead(h));
            }
        }
    }

    /// <summary>How a product row is finished: o = scale·o + addendScale·addend[row] (no addend: o = scale·o).</summary>
    private readonly struct RowMix(float* addend, float scale, float addendScale)
    {
        public void Apply(float* o, long row, int width)
        {
            var output = new Span<float>(o, width);
            if (addend is null)
            {
                if (scale != 1f) TensorPrimitives.Multiply(output, scale, output);
                return;
            }
            var extra = new ReadOnlySpan<float>(addend + row * width, width);
            if (scale != 1f) TensorPrimitives.Multiply(output, scale, output);
            TensorPrimitives.MultiplyAdd(extra, addendScale, output, output);
        }
    }

    /// <summary>Rows of scale·M·X + addendScale·Addend: a single-head gather, then the row's mix.</summary>
    private readonly struct MixJob<W>(int* rowPtr, int* cols, float* x, int ldx, float* output, RowMix mix, W weights)
        : IRowRangeJob where W : struct, IEdgeWeights<W>
    {
        public void Run(int rowStart, int rowEnd)
        {
            for (int i = rowStart; i < rowEnd; i++)
            {
                float* o = output + (long)i * ldx;
                RowGather.Accumulate(o, x, ldx, ldx, cols, rowPtr[i], rowPtr[i + 1], weights);
                mix.Apply(o, i, ldx);
            }
        }
    }

    /// <summary>Rows of a multi-head product with all heads applied in one pass over each row's edges.</summary>
    private readonly struct HeadGatherJob<R>(int* rowPtr, int* cols, float* x, int ldx, float* output, int headWidth, R rows)
        : IRowRangeJob where R : struct, IEdgeValueRows
    {
        public void Run(int rowStart, int rowEnd)
        {
            for (int i = rowStart; i < rowEnd; i++)
                HeadGather.Accumulate(output + (long)i * ldx, x, ldx, ldx, headWidth, cols, rowPtr[i], rowPtr[i + 1], rows);
        }
    }

    private readonly struct EdgeDotJob(int* rowPtr, int* cols, float* g, float* x, int width, float* output, int heads) : IRowRangeJob
    {
        public void Run(int rowStart, int rowEnd)
        {
            int headWidth = width / heads;
            for (int i = rowStart; i < rowEnd; i++)
            {
                float* gi = g + (long)i * width;
                for (int e = rowPtr[i]; e < rowPtr[i + 1]; e++)
                {
                    HeadDot.AllHeads(gi, x + (long)cols[e] * width, heads, headWidth, output + (long)e * heads);
                }
            }
        }
    }
}
