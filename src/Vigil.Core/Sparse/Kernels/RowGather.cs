using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Vigil.Core.Sparse.Kernels;

/// <summary>
/// The inner loop of every sparse product: one output row segment as a weighted sum of gathered input rows,
/// out[0..width) = Σ_{e∈[start,end)} w(e)·x[cols[e]·ldx + 0..width).
/// Columns are processed in register tiles (up to 8 × 256-bit accumulators) with the edges as the inner loop,
/// so each gathered row is read once per tile and the output is written once, never re-read per edge.
/// </summary>
internal static unsafe class RowGather
{
    public static void Accumulate<W>(float* output, float* x, long ldx, int width, int* cols, int start, int end, W weights)
        where W : struct, IEdgeWeights<W>
    {
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j + 64 <= width; j += 64) Tile64(output + j, x + j, ldx, cols, start, end, weights);
            if (j + 32 <= width) { Tile32(output + j, x + j, ldx, cols, start, end, weights); j += 32; }
            if (j + 16 <= width) { Tile16(output + j, x + j, ldx, cols, start, end, weights); j += 16; }
            if (j + 8 <= width) { Tile8(output + j, x + j, ldx, cols, start, end, weights); j += 8; }
        }
        if (j == width) return;
        if (Avx.IsSupported && width - j < 8) MaskedTail(output + j, x + j, ldx, width - j, cols, start, end, weights);
        else Remainder(output + j, x + j, ldx, width - j, cols, start, end, weights);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Fma(float* p, Vector256<float> w, Vector256<float> acc) =>
        Vector256.MultiplyAddEstimate(Vector256.Load(p), w, acc);

    private static void Tile64<W>(float* o, float* x, long ldx, int* cols, int start, int end, W weights) where W : struct, IEdgeWeights<W>
    {
        Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
        for (int e = start; e < end; e++)
        {
            float* r = x + cols[e] * ldx;
            var w = Vector256.Create(weights.At(e));
            a0 = Fma(r, w, a0); a1 = Fma(r + 8, w, a1); a2 = Fma(r + 16, w, a2); a3 = Fma(r + 24, w, a3);
            a4 = Fma(r + 32, w, a4); a5 = Fma(r + 40, w, a5); a6 = Fma(r + 48, w, a6); a7 = Fma(r + 56, w, a7);
        }
        a0.Store(o); a1.Store(o + 8); a2.Store(o + 16); a3.Store(o + 24);
        a4.Store(o + 32); a5.Store(o + 40); a6.Store(o + 48); a7.Store(o + 56);
    }

    private static void Tile32<W>(float* o, float* x, long ldx, int* cols, int start, int end, W weights) where W : struct, IEdgeWeights<W>
    {
        Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
        for (int e = start; e < end; e++)
        {
            float* r = x + cols[e] * ldx;
            var w = Vector256.Create(weights.At(e));
            a0 = Fma(r, w, a0); a1 = Fma(r + 8, w, a1); a2 = Fma(r + 16, w, a2); a3 = Fma(r + 24, w, a3);
        }
        a0.Store(o); a1.Store(o + 8); a2.Store(o + 16); a3.Store(o + 24);
    }

    private static void Tile16<W>(float* o, float* x, long ldx, int* cols, int start, int end, W weights) where W : struct, IEdgeWeights<W>
    {
        Vector256<float> a0 = default, a1 = default;
        for (int e = start; e < end; e++)
        {
            float* r = x + cols[e] * ldx;
            var w = Vector256.Create(weights.At(e));
            a0 = Fma(r, w, a0); a1 = Fma(r + 8, w, a1);
        }
        a0.Store(o); a1.Store(o + 8);
    }

    private static void Tile8<W>(float* o, float* x, long ldx, int* cols, int start, int end, W weights) where W : struct, IEdgeWeights<W>
    {
        Vector256<float> a0 = default;
        for (int e = start; e < end; e++)
            a0 = Fma(x + cols[e] * ldx, Vector256.Create(weights.At(e)), a0);
        a0.Store(o);
    }

    /// <summary>
    /// The last 1–7 columns in one register with masked loads (lanes past the row are neither read nor written),
    /// so narrow outputs such as a 7-class layer run as fast as 8 wide instead of falling back to scalar code.
    /// </summary>
    private static void MaskedTail<W>(float* o, float* x, long ldx, int width, int* cols, int start, int end, W weights) where W : struct, IEdgeWeights<W>
    {
        var mask = Vector256.LessThan(Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector256.Create(width)).AsSingle();
        Vector256<float> a0 = default;
        for (int e = start; e < end; e++)
            a0 = Vector256.MultiplyAddEstimate(Avx.MaskLoad(x + cols[e] * ldx, mask), Vector256.Create(weights.At(e)), a0);
        Avx.MaskStore(o, mask, a0);
    }

    /// <summary>Columns the tiles do not cover without AVX: a short scalar tail, or the whole row without 256-bit vectors.</summary>
    private static void Remainder<W>(float* o, float* x, long ldx, int width, int* cols, int start, int end, W weights) where W : struct, IEdgeWeights<W>
    {
        var output = new Span<float>(o, width);
        output.Clear();
        for (int e = start; e < end; e++)
        {
            float* r = x + cols[e] * ldx;
            float w = weights.At(e);
            if (width < 8)
                for (int t = 0; t < width; t++) o[t] += w * r[t];
            else
                TensorPrimitives.MultiplyAdd(new ReadOnlySpan<float>(r, width), w, output, output);
        }
    }

    /// <summary>Σ a[t]·b[t] over n floats.</summary>
    public static float Dot(float* a, float* b, int n)
    {
        int t = 0;
        float sum = 0f;
        if (Vector256.IsHardwareAccelerated && n >= 8)
        {
            Vector256<float> s0 = default, s1 = default;
            for (; t + 16 <= n; t += 16)
            {
                s0 = Vector256.MultiplyAddEstimate(Vector256.Load(a + t), Vector256.Load(b + t), s0);
                s1 = Vector256.MultiplyAddEstimate(Vector256.Load(a + t + 8), Vector256.Load(b + t + 8), s1);
            }
            if (t + 8 <= n)
            {
                s0 = Vector256.MultiplyAddEstimate(Vector256.Load(a + t), Vector256.Load(b + t), s0);
                t += 8;
            }
            sum = Vector256.Sum(s0 + s1);
        }
        for (; t < n; t++) sum += a[t] * b[t];
        return sum;
    }
}
