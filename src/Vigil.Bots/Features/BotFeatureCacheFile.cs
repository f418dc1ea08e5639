using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace Vigil.Bots.Features;

/// <summary>
/// The four feature blocks of one <see cref="BotFeatureKey"/> in one compact binary file, <c>bot-features-KEY.vgbf</c>
/// (little-endian):
/// <code>
/// "VGBF" | u32 version = 1 | 16-byte key | i32 users | i32 column count of each of the 4 blocks | encoder name (i32 length, UTF-8)
/// | the 4 blocks as row-major f32 | u64 XxHash3 of everything before
/// </code>
/// It is written to a temporary file and renamed, so a reader sees a whole file or none; a file whose header or
/// checksum does not match is treated as absent (and rewritten).
/// </summary>
public static class BotFeatureCacheFile
{
    private const uint Version = 1;
    private static ReadOnlySpan<byte> Magic => "VGBF"u8;

    public static string PathFor(string directory, UInt128 key) => Path.Combine(directory, $"bot-features-{key:x32}.vgbf");

    /// <summary>The cached blocks of <paramref name="key"/>, or null when there is no whole, matching file. Streams the file (blocks can exceed 2 GB in all).</summary>
    public static float[][]? TryRead(string directory, UInt128 key, int users, IReadOnlyList<int> columns, string encoderName)
    {
        var path = PathFor(directory, key);
        if (!File.Exists(path)) return null;
        var header = Header(key, users, columns, encoderName);
        long floats = columns.Sum(c => (long)users * c);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            if (stream.Length != header.Length + floats * sizeof(float) + sizeof(ulong)) return null;
            var hash = new XxHash3();
            var found = new byte[header.Length];
            stream.ReadExactly(found);
            if (!found.AsSpan().SequenceEqual(header)) return null;
            hash.Append(found);
            var blocks = new float[columns.Count][];
            for (int b = 0; b < columns.Count; b++)
            {
                blocks[b] = new float[(long)users * columns[b]];
                var bytes = MemoryMarshal.AsBytes(blocks[b].AsSpan());
                stream.ReadExactly(bytes);
                hash.Append(bytes);
            }
            Span<byte> checksum = stackalloc byte[sizeof(ulong)];
            stream.ReadExactly(checksum);
            return BinaryPrimitives.ReadUInt64LittleEndian(checksum) == hash.GetCurrentHashAsUInt64() ? blocks : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static void Write(string directory, UInt128 key, int users, IReadOnlyList<float[]> blocks, IReadOnlyList<int> columns, string encoderName)
    {
        Directory.CreateDirectory(directory);
        var path = PathFor(directory, key);
        var temporary = path + $".{Environment.ProcessId}.tmp";
        var hash = new XxHash3();
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            void Put(ReadOnlySpan<byte> bytes)
            {
                hash.Append(bytes);
                stream.Write(bytes);
            }
            Put(Header(key, users, columns, encoderName));
            foreach (var block in blocks) Put(MemoryMarshal.AsBytes(block.AsSpan()));
            Span<byte> checksum = stackalloc byte[sizeof(ulong)];
            BinaryPrimitives.WriteUInt64LittleEndian(checksum, hash.GetCurrentHashAsUInt64());
            stream.Write(checksum);
        }
        File.Move(temporary, path, overwrite: true);
    }

    private static byte[] Header(UInt128 key, int users, IReadOnlyList<int> columns, string encoderName)
    {
        var name = Encoding.UTF8.GetBytes(encoderName);
        var header = new byte[4 + 4 + 16 + 4 + 4 * columns.Count + 4 + name.Length];
        var span = header.AsSpan();
        Magic.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], Version);
        BinaryPrimitives.WriteUInt128LittleEndian(span[8..], key);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], users);
        for (int b = 0; b < columns.Count; b++) BinaryPrimitives.WriteInt32LittleEndian(span[(28 + 4 * b)..], columns[b]);
        int at = 28 + 4 * columns.Count;
        BinaryPrimitives.WriteInt32LittleEndian(span[at..], name.Length);
        name.CopyTo(span[(at + 4)..]);
        return header;
    }
}
