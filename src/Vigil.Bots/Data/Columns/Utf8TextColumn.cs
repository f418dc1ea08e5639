using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Vigil.Bots.Data.Columns;

/// <summary>
/// A column of nullable texts kept as UTF-8 in a few large byte chunks, with one packed <see cref="long"/> per row
/// (where the text starts, and its length), so that millions of tweets cost no string objects. Chunks double from
/// 4 KiB up to 64 MiB, so a column can exceed the 2 GiB a single array allows; a text never straddles two chunks.
/// </summary>
public sealed class Utf8TextColumn
{
    private const int ChunkBits = 26;
    private const int MaxChunkSize = 1 << ChunkBits;
    private const int FirstChunkSize = 4096;
    private const int LengthBits = 24;
    // A length field of all ones means the text is longer and its length is the 4 bytes before it.
    private const int LongText = (1 << LengthBits) - 1;
    private const long Null = -1;

    private List<byte[]> _chunks = new();
    // The chunk being filled; after Clear the chunks past it are kept to be filled again.
    private int _chunk = -1;
    private int _chunkUsed;
    // Per row: (start << LengthBits) | length, start = (chunk << ChunkBits) | offset in chunk; Null for a null text.
    private List<long> _rows = new();

    public int Count => _rows.Count;

    /// <summary>The UTF-8 bytes held, over all rows.</summary>
    public long ByteCount { get; private set; }

    public void Add(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty) { _rows.Add(0); return; }
        int prefix = utf8.Length >= LongText ? sizeof(int) : 0;
        var chunk = ChunkFor(prefix + utf8.Length);
        long start = ((long)_chunk << ChunkBits) | (uint)_chunkUsed;
        if (prefix > 0) BinaryPrimitives.WriteInt32LittleEndian(chunk.AsSpan(_chunkUsed), utf8.Length);
        utf8.CopyTo(chunk.AsSpan(_chunkUsed + prefix));
        _chunkUsed += prefix + utf8.Length;
        _rows.Add((start << LengthBits) | (long)Math.Min(utf8.Length, LongText));
        ByteCount += utf8.Length;
    }

    public void Add(string? text)
    {
        if (text is null) { AddNull(); return; }
        Add(Encoding.UTF8.GetBytes(text));
    }

    public void AddNull() => _rows.Add(Null);

    /// <summary>Appends <paramref name="from"/>'s row <paramref name="row"/> (a null stays null).</summary>
    internal void AddFrom(Utf8TextColumn from, int row)
    {
        if (from.IsNull(row)) AddNull();
        else Add(from.GetUtf8(row));
    }

    /// <summary>
    /// Appends <paramref name="from"/>'s rows <paramref name="start"/> … <paramref name="start"/> + <paramref name="count"/> − 1,
    /// as <see cref="AddFrom"/> row by row would, chunk layout included; but the texts of consecutive rows, which lie
    /// side by side in one chunk of <paramref name="from"/>, are copied as one block and their row entries shifted.
    /// </summary>
    internal void AddRangeFrom(Utf8TextColumn from, int start, int count)
    {
        var rows = CollectionsMarshal.AsSpan(from._rows).Slice(start, count);
        _rows.EnsureCapacity(_rows.Count + count);
        int i = 0;
        while (i < rows.Length)
        {
            long packed = rows[i];
            if (packed == Null || (packed & LongText) == 0) { _rows.Add(packed); i++; continue; }
            // The block: this row's bytes and those of the rows after it that follow them in the same source chunk
            // and still fit in the chunk being filled here. Empty and null rows inside it take no bytes.
            long srcStart = packed >> LengthBits;
            int srcChunk = (int)(srcStart >> ChunkBits);
            var source = from._chunks[srcChunk];
            int blockStart = (int)(srcStart & (MaxChunkSize - 1));
            int extent = Extent(source, blockStart, packed);
            int free = _chunk >= 0 ? _chunks[_chunk].Length - _chunkUsed : 0;
            if (extent > free)
            {
                // The first text does not fit: a new chunk, as Add would take (its prefix included).
                ChunkFor(extent);
                free = _chunks[_chunk].Length - _chunkUsed;
            }
            int blockEnd = blockStart + extent;
            long bytes = TextLength(source, blockStart, packed);
            int k = i + 1;
            for (; k < rows.Length; k++)
            {
                long next = rows[k];
                if (next == Null || (next & LongText) == 0) continue;
                long nextStart = next >> LengthBits;
                if ((int)(nextStart >> ChunkBits) != srcChunk || (int)(nextStart & (MaxChunkSize - 1)) != blockEnd) break;
                int nextExtent = Extent(source, blockEnd, next);
                if (blockEnd + nextExtent - blockStart > free) break;
                blockEnd += nextExtent;
                bytes += TextLength(source, blockEnd - nextExtent, next);
            }
            var chunk = _chunks[_chunk];
            source.AsSpan(blockStart, blockEnd - blockStart).CopyTo(chunk.AsSpan(_chunkUsed));
            long shift = (((long)_chunk << ChunkBits) | (uint)_chunkUsed) - srcStart;
            for (int r = i; r < k; r++)
            {
                long row = rows[r];
                _rows.Add(row == Null || (row & LongText) == 0 ? row : row + (shift << LengthBits));
            }
            _chunkUsed += blockEnd - blockStart;
            ByteCount += bytes;
            i = k;
        }
    }

    // The bytes a non-empty text takes in its chunk (its length prefix included).
    private static int Extent(byte[] chunk, int offset, long packed)
    {
        int length = (int)(packed & LongText);
        return length == LongText ? sizeof(int) + BinaryPrimitives.ReadInt32LittleEndian(chunk.AsSpan(offset)) : length;
    }

    private static int TextLength(byte[] chunk, int offset, long packed)
    {
        int length = (int)(packed & LongText);
        return length == LongText ? BinaryPrimitives.ReadInt32LittleEndian(chunk.AsSpan(offset)) : length;
    }

    /// <summary>Exchanges the whole contents (rows, chunks, sizes) of this column and <paramref name="other"/>, copying nothing.</summary>
    internal void SwapWith(Utf8TextColumn other)
    {
        (_chunks, other._chunks) = (other._chunks, _chunks);
        (_rows, other._rows) = (other._rows, _rows);
        (_chunk, other._chunk) = (other._chunk, _chunk);
        (_chunkUsed, other._chunkUsed) = (other._chunkUsed, _chunkUsed);
        (ByteCount, other.ByteCount) = (other.ByteCount, ByteCount);
    }

    /// <summary>Makes room for <paramref name="rows"/> rows in all.</summary>
    internal void Reserve(int rows) => _rows.EnsureCapacity(rows);

    /// <summary>Removes every row but keeps the row list's capacity and the chunks, to be filled again.</summary>
    internal void Clear()
    {
        _rows.Clear();
        _chunk = _chunks.Count > 0 ? 0 : -1;
        _chunkUsed = 0;
        ByteCount = 0;
    }

    public bool IsNull(int row) => _rows[row] == Null;

    /// <summary>The row's bytes (empty for null; see <see cref="IsNull"/>).</summary>
    public ReadOnlySpan<byte> GetUtf8(int row)
    {
        long packed = _rows[row];
        int length = (int)(packed & LongText);
        if (packed == Null || length == 0) return default;
        long start = packed >> LengthBits;
        var chunk = _chunks[(int)(start >> ChunkBits)];
        int offset = (int)(start & (MaxChunkSize - 1));
        if (length == LongText)
        {
            length = BinaryPrimitives.ReadInt32LittleEndian(chunk.AsSpan(offset));
            offset += sizeof(int);
        }
        return chunk.AsSpan(offset, length);
    }

    public string? GetString(int row) => IsNull(row) ? null : Encoding.UTF8.GetString(GetUtf8(row));

    /// <summary>True when the rows' texts (and nulls) are byte-for-byte the same.</summary>
    public bool RowEquals(int row, Utf8TextColumn other, int otherRow) =>
        IsNull(row) == other.IsNull(otherRow) && GetUtf8(row).SequenceEqual(other.GetUtf8(otherRow));

    private byte[] ChunkFor(int length)
    {
        if (_chunk >= 0 && _chunks[_chunk].Length - _chunkUsed >= length) return _chunks[_chunk];
        _chunkUsed = 0;
        // A kept chunk (after Clear) is filled again when the text fits in it.
        if (_chunk + 1 < _chunks.Count && _chunks[_chunk + 1].Length >= length) return _chunks[++_chunk];
        int size = _chunk < 0 ? FirstChunkSize : Math.Min(MaxChunkSize, _chunks[_chunk].Length * 2);
        // A text longer than a full chunk gets a chunk of its own; its start offset is still 0.
        var chunk = new byte[Math.Max(size, length)];
        _chunks.Insert(++_chunk, chunk);
        return chunk;
    }
}
