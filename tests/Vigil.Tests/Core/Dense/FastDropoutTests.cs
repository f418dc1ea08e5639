using TorchSharp;
using Vigil.Core.Dense;
using static TorchSharp.torch;

namespace Vigil.Tests.Core.Dense;

[Collection(TorchGlobalRngCollection.Name)]
public class FastDropoutTests
{
    [Fact]
    public void DropsTheRequestedShareAndScalesSurvivors()
    {
        manual_seed(1);
        using var x = ones(400, 250);
        using var y = FastDropout.Apply(x, 0.3, training: true);
        var v = y.data<float>().ToArray();
        double dropped = v.Count(f => f == 0f) / (double)v.Length;
        Assert.InRange(dropped, 0.29, 0.31);
        Assert.All(v.Where(f => f != 0f), f => Assert.Equal(1f / 0.7f, f, 5));
    }

    [Fact]
    public void IsTheIdentityInEvaluationAndAtRateZero()
    {
        using var x = randn(50, 8);
        using var a = FastDropout.Apply(x, 0.5, training: false);
        using var b = FastDropout.Apply(x, 0.0, training: true);
        Assert.True(a.equal(x).all().item<bool>());
        Assert.True(b.equal(x).all().item<bool>());
    }

    [Fact]
    public void TheGradientUsesTheSameMaskAsTheForwardPass()
    {
        manual_seed(2);
        using var x = randn(300, 70).requires_grad_(true);
        using var y = FastDropout.Apply(x, 0.5, training: true);
        using var w = randn(300, 70);
        (y * w).sum().backward();
        // d(sum(y·w))/dx = w · mask / (1 − p), and mask / (1 − p) = y / x where x ≠ 0.
        using var expected = w * (y / x).detach();
        Assert.True(x.grad!.allclose(expected, rtol: 1e-4, atol: 1e-5));
    }

    [Theory]
    [InlineData(300, 70)]   // several vector steps and a scalar tail per row block
    [InlineData(3, 5)]      // scalar path only
    public void FusedReluDropoutEqualsReluThenDropoutForwardAndBackward(int rows, int cols)
    {
        using var x = randn(rows, cols);
        using var upstream = randn(rows, cols);
        using var mine = x.clone().requires_grad_(true);
        using var theirs = x.clone().requires_grad_(true);
        manual_seed(4);
        using var fused = FastDropout.ApplyRelu(mine, 0.4, training: true);
        manual_seed(4);
        using var rectified = theirs.relu();
        using var separate = FastDropout.Apply(rectified, 0.4, training: true);
        Assert.True(fused.equal(separate).all().item<bool>());
        (fused * upstream).sum().backward();
        (separate * upstream).sum().backward();
        Assert.True(mine.grad!.allclose(theirs.grad!, rtol: 1e-6, atol: 1e-7));
        // Some elements are dropped, some negative: the gradient is zero at both, non-zero elsewhere.
        Assert.Contains(mine.grad!.data<float>().ToArray(), g => g == 0f);
        Assert.Contains(mine.grad!.data<float>().ToArray(), g => g != 0f);
    }

    [Fact]
    public void FusedReluDropoutIsAReluInEvaluation()
    {
        using var x = randn(40, 9);
        using var y = FastDropout.ApplyRelu(x, 0.5, training: false);
        using var expected = x.relu();
        Assert.True(y.equal(expected).all().item<bool>());
    }

    [Fact]
    public void TheSameTorchSeedGivesTheSameMask()
    {
        using var x = ones(1000);
        manual_seed(9);
        using var a = FastDropout.Apply(x, 0.5, training: true);
        manual_seed(9);
        using var b = FastDropout.Apply(x, 0.5, training: true);
        using var c = FastDropout.Apply(x, 0.5, training: true);
        Assert.True(a.equal(b).all().item<bool>());
        Assert.False(a.equal(c).all().item<bool>());
    }

    [Fact]
    public void TheMaskIsTheSplitMix64HashOfSeedAndIndexWhateverTheVectorWidth()
    {
        // 300,007 elements: several parallel blocks, full vector steps and a scalar tail.
        const int n = 300_007;
        const double p = 0.4;
        manual_seed(21);
        ulong seed = (ulong)randint(long.MaxValue, [1], dtype: ScalarType.Int64).item<long>();
        manual_seed(21);
        using var x = ones(n);
        using var y = FastDropout.Apply(x, p, training: true);
        var v = y.data<float>().ToArray();
        uint threshold = (uint)Math.Round(p * 4294967296.0);
        for (int i = 0; i < n; i++)
        {
            ulong z = seed + (ulong)i * 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            bool keep = (uint)(z >> 32) >= threshold;
            Assert.True(keep == (v[i] != 0f), $"element {i}: expected keep={keep}, got {v[i]}");
        }
    }
}
