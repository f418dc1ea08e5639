using System.IO.Compression;

namespace Vigil.Graphs.IO;

/// <summary>
/// Reads arrays from a NumPy <c>.npz</c> archive (a zip of <c>.npy</c> members, stored or deflated) one key at a
/// time, so only the arrays asked for are decoded and each streams straight from its zip member into its typed
/// array. Members a caller never asks for (such as the pickled name lists of gnn-benchmark files) are never parsed.
/// </summary>
public sealed class NpzReader : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _members;

    public string FilePath { get; }
    /// <summary>The array keys (member names without their <c>.npy</c> suffix), in archive order.</summary>
    public IReadOnlyList<string> Keys { get; }

    private NpzReader(string filePath, ZipArchive zip)
    {
        FilePath = filePath;
        _zip = zip;
        _members = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        var keys = new List<string>();
        foreach (var entry in zip.Entries)
        {
            var key = entry.FullName.EndsWith(".npy", StringComparison.Ordinal) ? entry.FullName[..^4] : entry.FullName;
            if (_members.TryAdd(key, entry)) keys.Add(key);
        }
        Keys = keys;
    }

    /// <summary>Opens an archive; a file that is not a readable zip gives an <see cref="NpzFormatException"/>.</summary>
    public static NpzReader Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            return new NpzReader(path, new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false));
        }
        catch (InvalidDataException e)
        {
            stream.Dispose();
            throw new NpzFormatException(path, null, $"not a readable zip archive, truncated or corrupt ({e.Message})", e);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public bool Contains(string key) => _members.ContainsKey(key);

    /// <summary>Reads the array stored under <paramref name="key"/>.</summary>
    public NpyArray Read(string key)
    {
        if (!_members.TryGetValue(key, out var entry))
            throw new NpzFormatException(FilePath, key,
                $"missing: the archive holds {(Keys.Count == 0 ? "no arrays" : string.Join(", ", Keys))}");
        try
        {
            using var stream = entry.Open();
            return Npy.Read(stream, FilePath, key);
        }
        catch (InvalidDataException e)
        {
            // Thrown by the zip layer for a bad local header, a corrupt deflate stream or a CRC mismatch.
            throw new NpzFormatException(FilePath, key, $"corrupt zip member ({e.Message})", e);
        }
    }

    /// <summary>Reads an array that must have the given rank (−1: any), naming both when it does not.</summary>
    public NpyArray Read(string key, int rank)
    {
        var a = Read(key);
        if (rank >= 0 && a.Rank != rank)
            throw new NpzFormatException(FilePath, key, $"expected a {rank}-dimensional array, got shape {NpyHeader.FormatShape(a.Shape)}");
        return a;
    }

    public int[] ReadInt32(string key, int rank = 1) => Convert(key, rank, a => a.ToInt32());
    public long[] ReadInt64(string key, int rank = 1) => Convert(key, rank, a => a.ToInt64());
    public float[] ReadFloat32(string key, int rank = 1) => Convert(key, rank, a => a.ToFloat32());
    public double[] ReadFloat64(string key, int rank = 1) => Convert(key, rank, a => a.ToFloat64());
    public bool[] ReadBoolean(string key, int rank = 1) => Convert(key, rank, a => a.ToBoolean());

    private T Convert<T>(string key, int rank, Func<NpyArray, T> convert)
    {
        var a = Read(key, rank);
        try { return convert(a); }
        catch (InvalidDataException e) { throw new NpzFormatException(FilePath, key, e.Message, e); }
    }

    public void Dispose() => _zip.Dispose();
}
