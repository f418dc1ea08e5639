using static TorchSharp.torch;

namespace Vigil.Tests.Core.Sparse;

internal static class TensorAssert
{
    /// <summary>
    /// Element-wise |actual − expected| ≤ rtol·(|expected| + scale), where scale is the largest |expected| (at
    /// least 1): relative to the values, with an absolute floor for results that cancel to ~0.
    /// </summary>
    public static void Close(Tensor expected, Tensor actual, double rtol = 1e-5, string what = "")
    {
        Assert.Equal(expected.shape, actual.shape);
        using var e = expected.detach().to(ScalarType.Float64);
        using var a = actual.detach().to(ScalarType.Float64);
        double scale = Math.Max(1.0, e.numel() == 0 ? 0 : e.abs().max().item<double>());
        using var excess = (a - e).abs() - (e.abs() + scale) * rtol;
        double worst = excess.numel() == 0 ? double.NegativeInfinity : excess.max().item<double>();
        if (worst > 0)
        {
            long at = excess.flatten().argmax().item<long>();
            Assert.Fail($"{what}: element {at} differs: expected {e.flatten()[at].item<double>()}, got {a.flatten()[at].item<double>()} (rtol {rtol}).");
        }
        Assert.False(a.isnan().any().item<bool>(), $"{what}: result has NaN");
    }
}
