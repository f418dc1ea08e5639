using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Vigil.Core.Sparse.Kernels;

/// <summary>
/// Multi-head gather for head widths that are a multiple of 8: one pass over a row's edges fills a whole tile of
/// up to 8 vectors, each vector weighted by its own head's value, so narrow heads (GAT's 8 × 8) keep 8
/// independent accumulators busy instead of running one short, latency-bound pass per head.
/// out[0..width) = Σ_e x[cols[e]·ldx + 0..width) ⊙ (values of e, each repeated headWidth times).
/// </summary>
internal static unsafe class HeadGather
{
    public static bool Applies(int headWidth) => Vector256.IsHardwareAccelerated && headWidth % 8 == 0;

    public static void Accumulate<R>(float* output, float* x, long ldx, int width, int headWidth, int* cols, int start, int end, R rows)
        where R : struct, IEdgeValueRows
    {
        int j = 0;
        for (; j + 64 <= width; j += 64) Tile64(output + j, x + j, ldx, j, headWidth, cols, start, end, rows);
        for (; j + 32 <= width; j += 32) Tile32(output + j, x + j, ldx, j, headWidth, cols, start, end, rows);
        for (; j < width; j += 8) Tile8(output + j, x + j, ldx, j / headWidth, cols, start, end, rows);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Fma(float* p, float w, Vector256<float> acc) =>
        Vector256.MultiplyAddEstimate(Vector256.Load(p), Vector256.Create(w), acc);

    private static void Tile64<R>(float* o, float* x, long ldx, int column, int hw, int* cols, int start, int end, R rows) where R : struct, IEdgeValueRows
    {
        int h0 = column / hw, h1 = (column + 8) / hw, h2 = (column + 16) / hw, h3 = (column + 24) / hw,
            h4 = (column + 32) / hw, h5 = (column + 40) / hw, h6 = (column + 48) / hw, h7 = (column + 56) / hw;
        Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
        for (int e = start; e < end; e++)
        {
            float* r = x + cols[e] * ldx;
            float* w = rows.Row(e);
            a0 = Fma(r, w[h0], a0); a1 = Fma(r + 8, w[h1], a1); a2 = Fma(r + 16, w[h2], a2); a3 = Fma(r + 24, w[h3], a3);
            a4 = Fma(r + 32, w[h4], a4); a5 = Fma(r + 40, w[h5], a5); a6 = Fma(r + 48, w[h6], a6); a7 = Fma(r + 56, w[h7], a7);
        }
        a0.Store(o); a1.Store(o + 8); a2.Store(o + 16); a3.Store(o + 24);
        a4.Store(o + 32); a5.Store(o + 40); a6.Store(o + 48); a7.Store(o + 56);
    }

    private static void Tile32<R>(float* o, float* x, long ldx, int column, int hw, int* cols, int start, int end, R rows) where R : struct, IEdgeValueRows
    {
        int h0 = column / hw, h1 = (column + 8) / hw, h2 = (column + 16) / hw, h3 = (column + 24) / hw;
        Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
        for (int e = start; e < end; e++)
        {
            float* r = x + cols[e] * ldx;
            float* w = rows.Row(e);
            a0 = Fma(r, w[h0], a0); a1 = Fma(r + 8, w[h1], a1); a2 = Fma(r + 16, w[h2], a2); a3 = Fma(r + 24, w[h3], a3);
        }
        a0.Store(o); a1.Store(o + 8); a2.Store(o + 16); a3.Store(o + 24);
    }

    private static void Tile8<R>(float* o, float* x, long ldx, int head, int* cols, int start, int end, R rows) where R : struct, IEdgeValueRows
    {
        Vector256<float> a0 = default;
        for (int e = start; e < end; e++)
            a0 = Fma(x + cols[e] * ldx, rows.Row(e)[head], a0);
        a0.Store(o);
    }
}
