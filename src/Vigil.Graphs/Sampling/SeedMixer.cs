namespace Vigil.Graphs.Sampling;

/// <summary>
/// Derives independent-looking seeds from (seed, epoch, batch) with the SplitMix64 finaliser, so any epoch or
/// batch can be replayed on its own. (HashCode.Combine is randomised per process and would break reproducibility.)
/// </summary>
internal static class SeedMixer
{
    public static int Mix(int seed, int a, int b = 0)
    {
        ulong z = (uint)seed;
        z = Step(z ^ (uint)a);
        z = Step(z ^ ((ulong)(uint)b << 32));
        return (int)(z ^ (z >> 32));
    }

    private static ulong Step(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
