namespace Vigil.Bots.Generation;

/// <summary>
/// A small, fast random source (xoshiro256**, seeded through SplitMix64) that is keyed by (seed, stream, index): every
/// user, tweet and list draws from its own sequence, so an entity's values do not depend on the order or number of
/// entities generated before it, and two runs with one seed give the same bytes on every platform.
/// </summary>
internal struct GeneratorRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public GeneratorRandom(int seed, GeneratorStream stream, long index)
    {
        ulong x = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL ^ (ulong)stream * 0xD1B54A32D192ED03UL ^ (ulong)index * 0xAEF17502108EF2D9UL);
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="count"/>).</summary>
    public int Next(int count) => (int)(((NextUInt64() >> 32) * (ulong)(uint)count) >> 32);

    /// <summary>Uniform in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public int Next(int from, int to) => from + Next(to - from);

    public long NextLong(long count) => (long)(NextDouble() * count);

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Standard normal (Box–Muller).</summary>
    public double Gaussian()
    {
        double u = 1.0 - NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2 * Math.PI * NextDouble());
    }

    /// <summary>exp(N(ln <paramref name="median"/>, <paramref name="sigma"/>²)): heavy-tailed counts such as followers.</summary>
    public double LogNormal(double median, double sigma) => median * Math.Exp(sigma * Gaussian());

    public double Exponential(double mean) => -mean * Math.Log(1.0 - NextDouble());

    /// <summary>An index in [0, <paramref name="count"/>) where small indices are much likelier (popularity ranks).</summary>
    public int Skewed(int count, double exponent = 2.5) => Math.Min(count - 1, (int)(Math.Pow(NextDouble(), exponent) * count));

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}

/// <summary>The independent random sequences of the generator; adding one never changes the others.</summary>
internal enum GeneratorStream : ulong
{
    Population = 1,
    Profile = 2,
    Follows = 3,
    Tweets = 4,
    TweetCounts = 5,
    Lists = 6,
    Hashtags = 7,
    Likes = 8,
    Splits = 9,
    Clusters = 10,
    Bursts = 11,
    Language = 12,
    ClusterStyle = 13,
}
