using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Vigil.Core.Text.Caching;

/// <summary>
/// An append-only file of text vectors for one (encoder name, dimension), indexed in memory by a 128-bit hash
/// of the text. Layout (little-endian):
/// <code>
/// header : "VGTC" | u32 version = 1 | u32 dimension | u32 name byte count | encoder name (UTF-8)
/// record : 16-byte XxHash128 of the text's UTF-16 code units | dimension × f32 | u32 XxHash32 of the preceding bytes
/// </code>
/// Records have a fixed size and are only ever appended, so a crash can damage only the tail: on opening, a
/// partial last record is cut off and a whole record whose checksum fails is skipped (never indexed); earlier
/// records are not rewritten. Vectors stay on disk and are read back on a hit (the OS page cache makes that
/// cheap); only the index (~40 bytes a text) lives in memory. One process at a time may open a file.
/// </summary>
public sealed class EmbeddingCacheFile : IDisposable
{
    private static ReadOnlySpan<byte> Magic => "VGTC"u8;
    private const int Version = 1;
    private const int KeyBytes = 16;

    private readonly FileStream _stream;
    private readonly SafeFileHandle _handle;
    private readonly Dictionary<UInt128, long> _offsets = new();
    private readonly int _headerBytes;
    private readonly int _recordBytes;
    private long _length;
    private bool _disposed;

    public string Path { get; }
    public string EncoderName { get; }
    public int Dimension { get; }
    public int Count => _offsets.Count;
    /// <summary>Whole records found damaged when the file was opened (skipped, not indexed).</summary>
    public int DamagedRecordsSkipped { get; }
    /// <summary>Bytes of a partial last record cut off when the file was opened.</summary>
    public long TruncatedTailBytes { get; }

    /// <summary>Opens (or creates) the cache file at <paramref name="path"/> for vectors of the given encoder.</summary>
    public EmbeddingCacheFile(string path, string encoderName, int dimension)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(encoderName);
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension), $"Dimension must be at least 1, got {dimension}.");
        Path = path;
        EncoderName = encoderName;
        Dimension = dimension;
        _recordBytes = KeyBytes + dimension * sizeof(float) + sizeof(uint);
        var header = BuildHeader(encoderName, dimension);
        _headerBytes = header.Length;
        try
        {
            _stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
        }
        catch (IOException e)
        {
            throw new IOException($"Cannot open the text-vector cache '{path}' (is another process using it?): {e.Message}", e);
        }
        _handle = _stream.SafeFileHandle;
        try
        {
            _length = _stream.Length;
            if (_length < header.Length) StartFresh(header);
            else CheckHeader(header);
            long records = (_length - _headerBytes) / _recordBytes;
            long whole = _headerBytes + records * _recordBytes;
            if (whole != _length)
            {
                TruncatedTailBytes = _length - whole;
                _stream.SetLength(whole);
                _length = whole;
            }
            DamagedRecordsSkipped = LoadIndex(records);
        }
        catch
        {
            _stream.Dispose();
            throw;
        }
    }

    private static byte[] BuildHeader(string encoderName, int dimension)
    {
        var name = Encoding.UTF8.GetBytes(encoderName);
        var header = new byte[16 + name.Length];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), Version);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), dimension);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(12), name.Length);
        name.CopyTo(header, 16);
        return header;
    }

    private void StartFresh(byte[] header)
    {
        // A file shorter than its header can only be a new file whose header write was cut short; anything
        // else there is not ours, and overwriting it would destroy someone's data.
        var existing = new byte[_length];
        RandomAccess.Read(_handle, existing, 0);
        if (!header.AsSpan(0, existing.Length).SequenceEqual(existing))
            throw new InvalidDataException($"'{Path}' is not a text-vector cache of encoder '{EncoderName}' (dimension {Dimension}): its {existing.Length} bytes do not match the expected header.");
        _stream.SetLength(0);
        RandomAccess.Write(_handle, header, 0);
        _length = header.Length;
    }

    private void CheckHeader(byte[] expected)
    {
        var actual = new byte[expected.Length];
        RandomAccess.Read(_handle, actual, 0);
        if (!actual.AsSpan(0, 4).SequenceEqual(Magic))
            throw new InvalidDataException($"'{Path}' is not a text-vector cache: it does not start with \"VGTC\".");
        int version = BinaryPrimitives.ReadInt32LittleEndian(actual.AsSpan(4));
        if (version != Version) throw new InvalidDataException($"'{Path}' has cache format version {version}; this build reads version {Version}.");
        if (!actual.AsSpan().SequenceEqual(expected))
            throw new InvalidDataException($"'{Path}' holds vectors of another encoder or dimension than '{EncoderName}' (dimension {Dimension}).");
    }

    private int LoadIndex(long records)
    {
        int damaged = 0;
        const int recordsPerRead = 1024;
        var buffer = new byte[recordsPerRead * _recordBytes];
        for (long first = 0; first < records; first += recordsPerRead)
        {
            int count = (int)Math.Min(recordsPerRead, records - first);
            long offset = _headerBytes + first * _recordBytes;
            var chunk = buffer.AsSpan(0, count * _recordBytes);
            if (RandomAccess.Read(_handle, chunk, offset) != chunk.Length)
                throw new IOException($"'{Path}' shrank while its index was being read.");
            for (int r = 0; r < count; r++)
            {
                var record = chunk.Slice(r * _recordBytes, _recordBytes);
                if (!ChecksumMatches(record)) { damaged++; continue; }
                _offsets.TryAdd(ReadKey(record), offset + (long)r * _recordBytes);
            }
        }
        return damaged;
    }

    private static bool ChecksumMatches(ReadOnlySpan<byte> record)
    {
        var body = record[..^sizeof(uint)];
        return XxHash32.HashToUInt32(body) == BinaryPrimitives.ReadUInt32LittleEndian(record[^sizeof(uint)..]);
    }

    private static UInt128 ReadKey(ReadOnlySpan<byte> record) =>
        new(BinaryPrimitives.ReadUInt64LittleEndian(record[8..]), BinaryPrimitives.ReadUInt64LittleEndian(record));

    /// <summary>The cache key of a text: XxHash128 of its UTF-16 code units.</summary>
    public static UInt128 KeyOf(string text) => XxHash128.HashToUInt128(MemoryMarshal.AsBytes(text.AsSpan()));

    public bool Contains(UInt128 key) => _offsets.ContainsKey(key);

    /// <summary>Copies the vector stored under <paramref name="key"/> into <paramref name="destination"/>; false when absent.</summary>
    public bool TryRead(UInt128 key, Span<float> destination)
    {
        if (destination.Length != Dimension)
            throw new ArgumentException($"Destination holds {destination.Length} floats, the cache's dimension is {Dimension}.", nameof(destination));
        if (!_offsets.TryGetValue(key, out long offset)) return false;
        var bytes = MemoryMarshal.AsBytes(destination);
        if (RandomAccess.Read(_handle, bytes, offset + KeyBytes) != bytes.Length)
            throw new IOException($"'{Path}' ended inside the record at byte {offset}.");
        if (!BitConverter.IsLittleEndian) ReverseFloats(destination);
        return true;
    }

    /// <summary>
    /// Appends one record per key not yet stored (row i of row-major <paramref name="vectors"/> belongs to
    /// key i) in one write, then indexes them.
    /// </summary>
    public void Append(IReadOnlyList<UInt128> keys, ReadOnlySpan<float> vectors)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (vectors.Length != keys.Count * Dimension)
            throw new ArgumentException($"{keys.Count} keys need {keys.Count * Dimension} floats, got {vectors.Length}.", nameof(vectors));
        var fresh = new List<int>(keys.Count);
        var seen = new HashSet<UInt128>();
        for (int i = 0; i < keys.Count; i++)
            if (!_offsets.ContainsKey(keys[i]) && seen.Add(keys[i])) fresh.Add(i);
        if (fresh.Count == 0) return;
        var buffer = new byte[fresh.Count * _recordBytes];
        for (int j = 0; j < fresh.Count; j++)
        {
            var record = buffer.AsSpan(j * _recordBytes, _recordBytes);
            var key = keys[fresh[j]];
            BinaryPrimitives.WriteUInt64LittleEndian(record, (ulong)key);
            BinaryPrimitives.WriteUInt64LittleEndian(record[8..], (ulong)(key >> 64));
            var floats = record.Slice(KeyBytes, Dimension * sizeof(float));
            var row = vectors.Slice(fresh[j] * Dimension, Dimension);
            for (int d = 0; d < Dimension; d++) BinaryPrimitives.WriteSingleLittleEndian(floats[(d * sizeof(float))..], row[d]);
            var body = record[..^sizeof(uint)];
            BinaryPrimitives.WriteUInt32LittleEndian(record[^sizeof(uint)..], XxHash32.HashToUInt32(body));
        }
        RandomAccess.Write(_handle, buffer, _length);
        for (int j = 0; j < fresh.Count; j++) _offsets[keys[fresh[j]]] = _length + (long)j * _recordBytes;
        _length += buffer.Length;
    }

    private static void ReverseFloats(Span<float> values)
    {
        var ints = MemoryMarshal.Cast<float, int>(values);
        BinaryPrimitives.ReverseEndianness(ints, ints);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
    }
}
