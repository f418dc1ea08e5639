namespace Vigil.Graphs.Data;

/// <summary>
/// xoshiro256** seeded through SplitMix64: a fast generator whose stream depends only on the seed (unlike
/// <see cref="Random.Shared"/>, and fixed by this code rather than by a runtime version), so generated graphs and
/// splits are reproducible everywhere.
/// </summary>
public sealed class SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;
    private double? _spareGaussian;

    public SeededRandom(long seed)
    {
        ulong x = (ulong)seed;
        _s0 = SplitMix(ref x); _s1 = SplitMix(ref x); _s2 = SplitMix(ref x); _s3 = SplitMix(ref x);
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0; _s3 ^= _s1; _s1 ^= _s2; _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, <paramref name="maxExclusive"/>), without modulo bias (Lemire's method).</summary>
    public int NextInt(int maxExclusive)
    {
        if (maxExclusive <= 0) throw new ArgumentOutOfRangeException(nameof(maxExclusive), maxExclusive, "Must be positive.");
        ulong bound = (ulong)maxExclusive;
        ulong m = (NextUInt64() >> 32) * bound; // a 32-bit draw times a bound below 2^31 fits in 64 bits
        if ((uint)m < bound)
        {
            uint threshold = (uint)((1UL << 32) - bound) % (uint)bound;
            while ((uint)m < threshold) m = (NextUInt64() >> 32) * bound;
        }
        return (int)(m >> 32);
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Standard normal (Box–Muller; the second value of each pair is kept for the next call).</summary>
    public double NextGaussian()
    {
        if (_spareGaussian is { } spare) { _spareGaussian = null; return spare; }
        double u = 1.0 - NextDouble(); // (0, 1], so the log is finite
        double r = Math.Sqrt(-2.0 * Math.Log(u));
        var (sin, cos) = Math.SinCos(2.0 * Math.PI * NextDouble());
        _spareGaussian = r * sin;
        return r * cos;
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
