using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Vigil.Graphs.IO;

/// <summary>
/// Reads and writes single arrays in NumPy's <c>.npy</c> format (versions 1.0, 2.0 and 3.0; C order; the dtypes
/// of <see cref="NpyDType"/>). Data goes straight between the stream and the typed array, with no intermediate
/// buffer. Every problem with the bytes is an <see cref="NpzFormatException"/>.
/// </summary>
public static class Npy
{
    internal static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    // Spans over more than 2 GB cannot exist, so huge arrays move in slices of this many bytes.
    private const int ChunkBytes = 1 << 28;

    public static NpyArray Load(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Read(stream, path);
    }

    public static void Save(string path, NpyArray array)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Write(stream, array);
    }

    /// <summary>
    /// Reads one array from <paramref name="stream"/>. <paramref name="filePath"/> and <paramref name="arrayName"/>
    /// only name the source in error messages (the array name is the npz key, null for a lone .npy file).
    /// </summary>
    public static NpyArray Read(Stream stream, string filePath, string? arrayName = null)
    {
        NpzFormatException Bad(string problem, Exception? inner = null) => new(filePath, arrayName, problem, inner);

        Span<byte> prefix = stackalloc byte[12];
        int got = stream.ReadAtLeast(prefix[..8], 8, throwOnEndOfStream: false);
        if (got < 8) throw Bad($"truncated: {got} bytes, too short for the .npy magic and version");
        if (!prefix[..6].SequenceEqual(Magic)) throw Bad("not a .npy array (the magic bytes \\x93NUMPY are missing)");
        int major = prefix[6], minor = prefix[7];
        if (major is not (1 or 2 or 3) || minor != 0) throw Bad($"unsupported .npy format version {major}.{minor}");
        int lengthBytes = major == 1 ? 2 : 4;
        got = stream.ReadAtLeast(prefix.Slice(8, lengthBytes), lengthBytes, throwOnEndOfStream: false);
        if (got < lengthBytes) throw Bad("truncated inside the header length");
        long headerLength = major == 1
            ? BinaryPrimitives.ReadUInt16LittleEndian(prefix[8..])
            : BinaryPrimitives.ReadUInt32LittleEndian(prefix[8..]);
        // NumPy itself refuses headers over 10 kB unless told otherwise; a megabyte is far beyond any real one.
        if (headerLength > 1 << 20) throw Bad($"bad header: its length {headerLength} is implausibly large");
        var headerBytes = new byte[headerLength];
        got = stream.ReadAtLeast(headerBytes, headerBytes.Length, throwOnEndOfStream: false);
        if (got < headerBytes.Length) throw Bad($"truncated inside the header ({got} of {headerLength} bytes)");
        var text = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(headerBytes);

        NpyHeader header;
        try { header = NpyHeader.Parse(text); }
        catch (FormatException e) { throw Bad(e.Message); }
        if (header.FortranOrder && header.Shape.Length > 1)
            throw Bad($"Fortran-ordered (column-major) arrays are not supported (shape {NpyHeader.FormatShape(header.Shape)}); save with C order");

        NpyArray array;
        try { array = NpyArray.Zeros(header.DType, header.Shape); }
        catch (ArgumentException e) { throw Bad(e.Message); }

        long expected = (long)array.Length * header.DType.ItemSize();
        long read = array.Data switch
        {
            float[] a => ReadInto(stream, a),
            double[] a => ReadInto(stream, a),
            int[] a => ReadInto(stream, a),
            long[] a => ReadInto(stream, a),
            bool[] a => ReadInto(stream, a),
            byte[] a => ReadInto(stream, a),
            _ => throw new InvalidOperationException($"NpyArray holds an unexpected {array.Data.GetType().Name}."),
        };
        if (read < expected)
            throw Bad($"array data truncated: shape {NpyHeader.FormatShape(header.Shape)} of {header.DType.Descriptor()} needs {expected} bytes, the file has {read}");

        if (header.BigEndian || !BitConverter.IsLittleEndian) SwapBytes(array.Data);
        if (array.Data is bool[] flags) NormalizeBooleans(flags);
        return array;
    }

    /// <summary>Writes <paramref name="array"/> with NumPy's own header layout (little-endian, C order).</summary>
    public static void Write(Stream stream, NpyArray array)
    {
        stream.Write(new NpyHeader(array.DType, BigEndian: false, FortranOrder: false, array.Shape).ToBytes());
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("Writing .npy files is implemented for little-endian machines only.");
        switch (array.Data)
        {
            case float[] a: WriteFrom<float>(stream, a); break;
            case double[] a: WriteFrom<double>(stream, a); break;
            case int[] a: WriteFrom<int>(stream, a); break;
            case long[] a: WriteFrom<long>(stream, a); break;
            case bool[] a: WriteFrom<bool>(stream, a); break;
            case byte[] a: WriteFrom<byte>(stream, a); break;
            default: throw new InvalidOperationException($"NpyArray holds an unexpected {array.Data.GetType().Name}.");
        }
    }

    /// <summary>Fills <paramref name="target"/> from the stream; returns the bytes read (short only at end of stream).</summary>
    private static long ReadInto<T>(Stream stream, T[] target) where T : unmanaged
    {
        int perChunk = Math.Max(1, ChunkBytes / Marshal.SizeOf<T>());
        long total = 0;
        for (int start = 0; start < target.Length; start += perChunk)
        {
            var bytes = MemoryMarshal.AsBytes(target.AsSpan(start, Math.Min(perChunk, target.Length - start)));
            int n = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            total += n;
            if (n < bytes.Length) break;
        }
        return total;
    }

    private static void WriteFrom<T>(Stream stream, T[] source) where T : unmanaged
    {
        int perChunk = Math.Max(1, ChunkBytes / Marshal.SizeOf<T>());
        for (int start = 0; start < source.Length; start += perChunk)
            stream.Write(MemoryMarshal.AsBytes(source.AsSpan(start, Math.Min(perChunk, source.Length - start))));
    }

    private static void SwapBytes(Array data)
    {
        switch (data)
        {
            case int[] a: BinaryPrimitives.ReverseEndianness(a, a); break;
            case long[] a: BinaryPrimitives.ReverseEndianness(a, a); break;
            case float[] a: var fi = MemoryMarshal.Cast<float, int>(a.AsSpan()); BinaryPrimitives.ReverseEndianness(fi, fi); break;
            case double[] a: var dl = MemoryMarshal.Cast<double, long>(a.AsSpan()); BinaryPrimitives.ReverseEndianness(dl, dl); break;
        }
    }

    // A .NET bool must be exactly 0 or 1; NumPy treats any non-zero byte as True, so map it to 1.
    private static void NormalizeBooleans(bool[] flags)
    {
        foreach (ref byte b in MemoryMarshal.AsBytes(flags.AsSpan()))
            if (b > 1) b = 1;
    }
}
