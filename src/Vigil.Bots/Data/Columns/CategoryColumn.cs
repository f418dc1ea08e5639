using System.Runtime.InteropServices;
using System.Text;

namespace Vigil.Bots.Data.Columns;

/// <summary>
/// A column of short, much-repeated nullable texts (a tweet's language or client) stored as one small code per row
/// and each distinct value once.
/// </summary>
public sealed class CategoryColumn
{
    /// <summary>The code of a null row.</summary>
    public const int NullCode = -1;

    private readonly List<int> _codes = new();
    private readonly List<string> _values = new();
    private readonly Dictionary<string, int> _codeOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    // The UTF-8 bytes of the first few values, each with its code.
    private const int FirstValues = 16;
    private readonly List<(byte[] Utf8, int Code)> _firstValuesUtf8 = new();

    public CategoryColumn() => _lookup = _codeOf.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _codes.Count;

    /// <summary>The distinct values, indexed by code.</summary>
    public IReadOnlyList<string> Values => _values;

    public ReadOnlySpan<int> Codes => CollectionsMarshal.AsSpan(_codes);

    public void Add(ReadOnlySpan<byte> utf8)
    {
        // Most columns hold a handful of values (languages, clients): a byte comparison with each finds the code
        // without decoding the text and hashing it, once per tweet.
        foreach (var (bytes, known) in _firstValuesUtf8)
        {
            if (utf8.SequenceEqual(bytes)) { _codes.Add(known); return; }
        }
        int maxChars = Encoding.UTF8.GetMaxCharCount(utf8.Length);
        Span<char> chars = maxChars <= 512 ? stackalloc char[maxChars] : new char[maxChars];
        int n = Encoding.UTF8.GetChars(utf8, chars);
        var text = chars[..n];
        if (!_lookup.TryGetValue(text, out int code))
        {
            code = _values.Count;
            var value = text.ToString();
            _values.Add(value);
            _codeOf.Add(value, code);
            if (_firstValuesUtf8.Count < FirstValues) _firstValuesUtf8.Add((utf8.ToArray(), code));
        }
        _codes.Add(code);
    }

    public void Add(string? value)
    {
        if (value is null) { AddNull(); return; }
        Add(Encoding.UTF8.GetBytes(value));
    }

    public void AddNull() => _codes.Add(NullCode);

    /// <summary>A code map for <see cref="AddFrom"/>: one entry per value of <paramref name="from"/>, none known yet.</summary>
    internal static int[] NewCodeMap(CategoryColumn from)
    {
        var map = new int[from._values.Count];
        map.AsSpan().Fill(UnknownCode);
        return map;
    }

    /// <summary>
    /// Appends <paramref name="from"/>'s row <paramref name="row"/>. A value gets its code here the first time a row
    /// with it is appended, as <see cref="Add(ReadOnlySpan{byte})"/> would give it; <paramref name="codeMap"/> (from
    /// <see cref="NewCodeMap"/>) remembers it for the next rows.
    /// </summary>
    internal void AddFrom(CategoryColumn from, int row, int[] codeMap)
    {
        int code = from._codes[row];
        if (code == NullCode) { AddNull(); return; }
        if (codeMap[code] == UnknownCode)
        {
            Add(Encoding.UTF8.GetBytes(from._values[code]));
            codeMap[code] = _codes[^1];
            return;
        }
        _codes.Add(codeMap[code]);
    }

    /// <summary>Appends <paramref name="from"/>'s rows <paramref name="start"/> … <paramref name="start"/> + <paramref name="count"/> − 1, as <see cref="AddFrom"/> would one by one.</summary>
    internal void AddRangeFrom(CategoryColumn from, int start, int count, int[] codeMap)
    {
        var codes = CollectionsMarshal.AsSpan(from._codes).Slice(start, count);
        _codes.EnsureCapacity(_codes.Count + count);
        for (int r = 0; r < codes.Length; r++)
        {
            int code = codes[r];
            if (code == NullCode) _codes.Add(NullCode);
            else if (codeMap[code] != UnknownCode) _codes.Add(codeMap[code]);
            else AddFrom(from, start + r, codeMap);
        }
    }

    private const int UnknownCode = -2;

    /// <summary>Makes room for <paramref name="rows"/> rows in all.</summary>
    internal void Reserve(int rows) => _codes.EnsureCapacity(rows);

    /// <summary>Removes every row and value, keeping the code list's capacity.</summary>
    internal void Clear()
    {
        _codes.Clear();
        _values.Clear();
        _codeOf.Clear();
        _firstValuesUtf8.Clear();
    }

    public string? this[int row] => _codes[row] == NullCode ? null : _values[_codes[row]];
}
