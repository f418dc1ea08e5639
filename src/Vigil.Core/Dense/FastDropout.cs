using System.Runtime.Intrinsics;
using TorchSharp;
using Vigil.Core.Sparse.Kernels;
using static TorchSharp.torch;
using static TorchSharp.torch.autograd;

namespace Vigil.Core.Dense;

/// <summary>
/// Inverted dropout whose mask is a counter-based hash of (call seed, element index) instead of a stored tensor.
/// libtorch's CPU dropout draws one Bernoulli sample at a time and keeps a float mask as large as the input
/// (on a 200k × 64 activation it cost more than the whole sparse propagation); here the forward pass hashes
/// indices in parallel and the backward pass recomputes the same mask from the seed, so no mask is stored.
/// The per-call seed comes from torch's global generator, so <c>torch.manual_seed</c> makes runs repeatable.
/// </summary>
public static class FastDropout
{
    /// <summary>Drops each element with probability <paramref name="p"/> and scales survivors by 1/(1−p).</summary>
    public static Tensor Apply(Tensor x, double p, bool training)
    {
        if (!training || p <= 0) return x.alias();
        if (p >= 1) return zeros_like(x);
        if (x.dtype != ScalarType.Float32 || x.device_type != DeviceType.CPU)
            return nn.functional.dropout(x, p, true);
        ulong seed = (ulong)randint(long.MaxValue, [1], dtype: ScalarType.Int64).item<long>();
        using var xc = x.contiguous();
        if (!(xc.requires_grad && is_grad_enabled())) return DropoutKernel.Forward(xc, p, seed);
        return DropoutFunction.apply(xc, p, seed);
    }

    /// <summary>
    /// Dropout of relu(x), fused: one pass forward and one backward instead of two each. The backward needs no mask
    /// and no input: an element passed both the ReLU and the mask exactly when its output is positive, so
    /// dx = dy·scale where y &gt; 0. The mask bits equal those <see cref="Apply"/> draws from the same seed.
    /// </summary>
    public static Tensor ApplyRelu(Tensor x, double p, bool training)
    {
        if (!training || p <= 0) return x.relu();
        if (p >= 1) return zeros_like(x);
        if (x.dtype != ScalarType.Float32 || x.device_type != DeviceType.CPU)
        {
            using var rectified = x.relu();
            return nn.functional.dropout(rectified, p, true);
        }
        ulong seed = (ulong)randint(long.MaxValue, [1], dtype: ScalarType.Int64).item<long>();
        using var xc = x.contiguous();
        if (!(xc.requires_grad && is_grad_enabled())) return DropoutKernel.Forward(xc, p, seed, rectify: true);
        return ReluDropoutFunction.apply(xc, p, seed);
    }

    private sealed class ReluDropoutFunction : SingleTensorFunction<ReluDropoutFunction>
    {
        public override string Name => "VigilFastReluDropout";

        public override Tensor forward(AutogradContext ctx, params object[] vars)
        {
            double p = (double)vars[1];
            var y = DropoutKernel.Forward((Tensor)vars[0], p, (ulong)vars[2], rectify: true);
            // Saved detached: the output itself would hold this node through its grad_fn, a cycle that only the saved
            // variable's finalizer breaks. The backward reads it only as a mask; the version counter is shared.
            ctx.save_for_backward([y.detach()]);
            ctx.save_data("p", p);
            return y;
        }

        public override List<Tensor> backward(AutogradContext ctx, Tensor gradOutput)
        {
            var y = ctx.get_saved_variables()[0];
            using var g = gradOutput.contiguous();
            return [DropoutKernel.PassWherePositive(g, y, (float)(1.0 / (1.0 - (double)ctx.get_data("p")))), null!, null!];
        }
    }

    private sealed class DropoutFunction : SingleTensorFunction<DropoutFunction>
    {
        public override string Name => "VigilFastDropout";

        public override Tensor forward(AutogradContext ctx, params object[] vars)
        {
            var x = (Tensor)vars[0];
            double p = (double)vars[1];
            ulong seed = (ulong)vars[2];
            ctx.save_data("p", p);
            ctx.save_data("seed", seed);
            return DropoutKernel.Forward(x, p, seed);
        }

        public override List<Tensor> backward(AutogradContext ctx, Tensor gradOutput)
        {
            using var g = gradOutput.contiguous();
            return [DropoutKernel.Forward(g, (double)ctx.get_data("p"), (ulong)ctx.get_data("seed")), null!, null!];
        }
    }
}

/// <summary>
/// The masked scaling itself, parallel over fixed blocks. Each element's bit depends only on (seed, index), so
/// neither the block size nor the thread count nor the vector width changes the mask.
/// </summary>
internal static unsafe class DropoutKernel
{
    // Large blocks: waking a worker costs more than hashing a few hundred thousand elements.
    private const int Block = 1 << 18;
    private const ulong Golden = 0x9E3779B97F4A7C15UL, Mix1 = 0xBF58476D1CE4E5B9UL, Mix2 = 0x94D049BB133111EBUL;

    public static Tensor Forward(Tensor x, double p, ulong seed, bool rectify = false)
    {
        long n = x.numel();
        var output = empty_like(x);
        float* src = TensorMemory.Floats(x), dst = TensorMemory.Floats(output);
        // Keep an element when the top 32 bits of its hash are at or above p·2³².
        uint threshold = (uint)Math.Min(uint.MaxValue, Math.Round(p * 4294967296.0));
        float scale = (float)(1.0 / (1.0 - p));
        long blocks = (n + Block - 1) / Block;
        if (blocks == 1) Run(src, dst, 0, n, seed, threshold, scale, rectify);
        else Parallel.For(0, blocks, b =>
        {
            long start = b * Block;
            Run(src, dst, start, Math.Min(n, start + Block), seed, threshold, scale, rectify);
        });
        return output;
    }

    /// <summary>g·scale where y &gt; 0, else 0 (the gradient of a fused ReLU + dropout from its output).</summary>
    public static Tensor PassWherePositive(Tensor g, Tensor y, float scale)
    {
        long n = g.numel();
        var output = empty_like(g);
        float* pg = TensorMemory.Floats(g), py = TensorMemory.Floats(y), dst = TensorMemory.Floats(output);
        long blocks = (n + Block - 1) / Block;
        if (blocks == 1) Pass(pg, py, dst, 0, n, scale);
        else Parallel.For(0, blocks, b =>
        {
            long start = b * Block;
            Pass(pg, py, dst, start, Math.Min(n, start + Block), scale);
        });
        return output;
    }

    private static void Pass(float* g, float* y, float* dst, long start, long end, float scale)
    {
        long i = start;
        if (Vector512.IsHardwareAccelerated)
        {
            var scales = Vector512.Create(scale);
            for (; i + 16 <= end; i += 16)
            {
                var positive = Vector512.GreaterThan(Vector512.Load(y + i), Vector512<float>.Zero);
                Vector512.BitwiseAnd(Vector512.Load(g + i) * scales, positive).Store(dst + i);
            }
        }
        for (; i < end; i++) dst[i] = y[i] > 0f ? g[i] * scale : 0f;
    }

    private static void Run(float* src, float* dst, long start, long end, ulong seed, uint threshold, float scale, bool rectify)
    {
        long i = start;
        // 16 elements per step with AVX-512 (64-bit lane multiplies): the same SplitMix64 bits as the scalar loop.
        if (Vector512.IsHardwareAccelerated)
        {
            var lanes = Vector512.Create(0UL, 1, 2, 3, 4, 5, 6, 7);
            var golden = Vector512.Create(Golden);
            var mix1 = Vector512.Create(Mix1);
            var mix2 = Vector512.Create(Mix2);
            var seeds = Vector512.Create(seed);
            var thresholds = Vector512.Create(threshold);
            var scales = Vector512.Create(scale);
            for (; i + 16 <= end; i += 16)
            {
                var low = Hash(seeds + (Vector512.Create((ulong)i) + lanes) * golden, mix1, mix2);
                var high = Hash(seeds + (Vector512.Create((ulong)i + 8) + lanes) * golden, mix1, mix2);
                var bits = Vector512.Narrow(Vector512.ShiftRightLogical(low, 32), Vector512.ShiftRightLogical(high, 32));
                var keep = Vector512.GreaterThanOrEqual(bits, thresholds).AsSingle();
                var loaded = Vector512.Load(src + i);
                var values = (rectify ? Vector512.Max(loaded, Vector512<float>.Zero) : loaded) * scales;
                Vector512.BitwiseAnd(values, keep).Store(dst + i);
            }
        }
        for (; i < end; i++)
        {
            // SplitMix64 finaliser of (seed + index): a counter-based hash, so any element's mask bit is recomputable.
            ulong z = seed + (ulong)i * Golden;
            z = (z ^ (z >> 30)) * Mix1;
            z = (z ^ (z >> 27)) * Mix2;
            z ^= z >> 31;
            float value = rectify ? MathF.Max(src[i], 0f) : src[i];
            dst[i] = (uint)(z >> 32) >= threshold ? value * scale : 0f;
        }
    }

    private static Vector512<ulong> Hash(Vector512<ulong> z, Vector512<ulong> mix1, Vector512<ulong> mix2)
    {
        z = (z ^ Vector512.ShiftRightLogical(z, 30)) * mix1;
        z = (z ^ Vector512.ShiftRightLogical(z, 27)) * mix2;
        return z ^ Vector512.ShiftRightLogical(z, 31);
    }
}
