namespace Vigil.Graphs.Smoothness;

/// <summary>A reusable list of (column node, mask category) pairs drawn for one source row.</summary>
internal sealed class SampledPairs
{
    private int[] _columns = new int[256];
    private byte[] _categories = new byte[256];

    public int Count { get; private set; }
    public ReadOnlySpan<int> Columns => _columns.AsSpan(0, Count);
    public ReadOnlySpan<byte> Categories => _categories.AsSpan(0, Count);

    public void Clear() => Count = 0;

    public void Add(int column, byte category)
    {
        if (Count == _columns.Length)
        {
            Array.Resize(ref _columns, Count * 2);
            Array.Resize(ref _categories, Count * 2);
        }
        _columns[Count] = column; _categories[Count] = category; Count++;
    }
}
