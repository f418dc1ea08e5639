namespace Vigil.Bots.Generation;

/// <summary>
/// Twitter-looking ids that are a pure function of (seed, row): row × stride plus a seeded jitter below the stride, so
/// ids are unique, increasing with the row, and any row's id can be computed without a lookup table.
/// </summary>
internal readonly struct SyntheticIds(int seed)
{
    private const long UserBase = 10_000_000, UserStride = 1_000;
    private const long TweetBase = 1_200_000_000_000_000_000, TweetStride = 4_096;
    private const long ListBase = 1_000_000_000_000_000, ListStride = 100_000;
    private const long HashtagBase = 1_000_000, HashtagStride = 8;

    public long User(int row) => UserBase + row * UserStride + Jitter(1, row, UserStride);
    public long Tweet(long row) => TweetBase + row * TweetStride + Jitter(2, row, TweetStride);
    public long List(int row) => ListBase + row * ListStride + Jitter(3, row, ListStride);
    public long Hashtag(int row) => HashtagBase + row * HashtagStride + Jitter(4, row, HashtagStride);

    private long Jitter(ulong kind, long row, long stride)
    {
        ulong z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + kind * 0xBF58476D1CE4E5B9UL + (ulong)row * 0x94D049BB133111EBUL);
        z = (z ^ (z >> 31)) * 0xD6E8FEB86659FD93UL;
        z ^= z >> 32;
        return (long)(z % (ulong)stride);
    }
}
