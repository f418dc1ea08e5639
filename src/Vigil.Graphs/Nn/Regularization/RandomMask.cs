using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Regularization;

/// <summary>Bernoulli keep-masks drawn from a torch generator (the global one when none is given).</summary>
internal static class RandomMask
{
    public static void RequireRate(string what, double p)
    {
        if (p is < 0 or >= 1 || double.IsNaN(p)) throw new ArgumentException($"{what} drop rate must be in [0, 1), got {p}.");
    }

    /// <summary>Each of <paramref name="count"/> entries is kept with probability 1 − p.</summary>
    public static bool[] Keep(int count, double p, Generator? generator)
    {
        var keep = new bool[count];
        if (count == 0) return keep;
        using var u = rand(count, generator: generator);
        var values = u.data<float>();
        for (int i = 0; i < count; i++) keep[i] = values[i] >= p;
        return keep;
    }

    /// <summary>A float mask of <paramref name="shape"/> holding 1/(1 − p) where kept and 0 where dropped.</summary>
    public static Tensor Scaled(long[] shape, double p, Generator? generator, Device device)
    {
        using var u = rand(shape, generator: generator);
        return u.ge(p).to(ScalarType.Float32).mul_(1.0 / (1 - p)).to(device);
    }
}
