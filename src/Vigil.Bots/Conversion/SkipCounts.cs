namespace Vigil.Bots.Conversion;

/// <summary>
/// What a converter left out by design (not a data error), counted per reason, e.g. follow edges whose other end is
/// not one of the dataset's users. Together with the validation report this accounts for every source record.
/// </summary>
public sealed class SkipCounts
{
    private readonly SortedDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> Counts => _counts;

    public long Total => _counts.Values.Sum();

    public long this[string reason] => _counts.TryGetValue(reason, out long n) ? n : 0;

    public void Add(string reason, long count = 1)
    {
        if (count == 0) return;
        _counts[reason] = this[reason] + count;
    }
}
