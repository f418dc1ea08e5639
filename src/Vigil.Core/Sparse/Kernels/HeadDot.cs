using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Vigil.Core.Sparse.Kernels;

/// <summary>
/// Per-head dot products of two feature rows: output[h] = ⟨g[h·F..(h+1)·F), x[h·F..(h+1)·F)⟩ for every head, the
/// per-edge gradient of learned edge values. With head widths a multiple of 8 on AVX, eight heads are reduced
/// together (three rounds of horizontal adds) rather than eight separate horizontal sums.
/// </summary>
internal static unsafe class HeadDot
{
    public static void AllHeads(float* g, float* x, int heads, int headWidth, float* output)
    {
        int h = 0;
        if (Avx.IsSupported && headWidth % 8 == 0)
        {
            for (; h + 8 <= heads; h += 8)
            {
                var t0 = Avx.HorizontalAdd(Product(g, x, h, headWidth), Product(g, x, h + 1, headWidth));
                var t1 = Avx.HorizontalAdd(Product(g, x, h + 2, headWidth), Product(g, x, h + 3, headWidth));
                var t2 = Avx.HorizontalAdd(Product(g, x, h + 4, headWidth), Product(g, x, h + 5, headWidth));
                var t3 = Avx.HorizontalAdd(Product(g, x, h + 6, headWidth), Product(g, x, h + 7, headWidth));
                var u0 = Avx.HorizontalAdd(t0, t1); // lanes: heads 0-3 from the low halves | heads 0-3 from the high halves
                var u1 = Avx.HorizontalAdd(t2, t3); // the same for heads 4-7
                var sums = Avx.Permute2x128(u0, u1, 0x20) + Avx.Permute2x128(u0, u1, 0x31);
                sums.Store(output + h);
            }
            for (; h < heads; h++) output[h] = Vector256.Sum(Product(g, x, h, headWidth));
            return;
        }
        for (; h < heads; h++) output[h] = RowGather.Dot(g + h * headWidth, x + h * headWidth, headWidth);
    }

    /// <summary>Lane-wise partial products of head h (headWidth a multiple of 8), summed over its vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Product(float* g, float* x, int head, int headWidth)
    {
        float* a = g + head * headWidth, b = x + head * headWidth;
        var acc = Vector256.Load(a) * Vector256.Load(b);
        for (int t = 8; t < headWidth; t += 8)
            acc = Vector256.MultiplyAddEstimate(Vector256.Load(a + t), Vector256.Load(b + t), acc);
        return acc;
    }
}
