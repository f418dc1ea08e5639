using System.Runtime.InteropServices;
using System.Text;

namespace Vigil.Bots.Data.Columns;

/// <summary>
/// A column of nullable texts kept as UTF-8 in a few large byte chunks, with a start and a length per row, so that
/// millions of tweets cost no string objects. Chunks double from 4 KiB up to 64 MiB, so a column can exceed the
/// 2 GiB a single array allows; a text never straddles two chunks.
/// </summary>
public sealed class Utf8TextColumn
{
    private const int ChunkBits = 26;
    private const int MaxChunkSize = 1 << ChunkBits;
    private const int FirstChunkSize = 4096;

    private readonly List<byte[]> _chunks = new();
    private int _chunkUsed;
    // Row r is chunk (start >> ChunkBits), offset (start & mask); length −1 marks a null.
    private readonly List<long> _starts = new();
    private readonly List<int> _lengths = new();

    public int Count => _starts.Count;

    /// <summary>The UTF-8 bytes held, over all rows.</summary>
    public long ByteCount { get; private set; }

    public void Add(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            _starts.Add(0);
            _lengths.Add(0);
            return;
        }
        var chunk = ChunkFor(utf8.Length);
        utf8.CopyTo(chunk.AsSpan(_chunkUsed));
        _starts.Add(((long)(_chunks.Count - 1) << ChunkBits) | (uint)_chunkUsed);
        _lengths.Add(utf8.Length);
        _chunkUsed += utf8.Length;
        ByteCount += utf8.Length;
    }

    public void Add(string? text)
    {
        if (text is null) { AddNull(); return; }
        Add(Encoding.UTF8.GetBytes(text));
    }

    public void AddNull()
    {
        _starts.Add(0);
        _lengths.Add(-1);
    }

    public bool IsNull(int row) => _lengths[row] < 0;

    /// <summary>The row's bytes (empty for null; see <see cref="IsNull"/>).</summary>
    public ReadOnlySpan<byte> GetUtf8(int row)
    {
        int length = _lengths[row];
        if (length <= 0) return default;
        long start = _starts[row];
        return _chunks[(int)(start >> ChunkBits)].AsSpan((int)(start & (MaxChunkSize - 1)), length);
    }

    public string? GetString(int row) => IsNull(row) ? null : Encoding.UTF8.GetString(GetUtf8(row));

    /// <summary>True when the rows' texts (and nulls) are byte-for-byte the same.</summary>
    public bool RowEquals(int row, Utf8TextColumn other, int otherRow) =>
        IsNull(row) == other.IsNull(otherRow) && GetUtf8(row).SequenceEqual(other.GetUtf8(otherRow));

    private byte[] ChunkFor(int length)
    {
        if (_chunks.Count > 0 && _chunks[^1].Length - _chunkUsed >= length) return _chunks[^1];
        int size = _chunks.Count == 0 ? FirstChunkSize : Math.Min(MaxChunkSize, _chunks[^1].Length * 2);
        // A text longer than a full chunk gets a chunk of its own; its start offset is still 0.
        var chunk = new byte[Math.Max(size, length)];
        _chunks.Add(chunk);
        _chunkUsed = 0;
        return chunk;
    }
}
