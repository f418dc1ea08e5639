using System.IO.Compression;

namespace Vigil.Graphs.IO;

/// <summary>
/// Writes a NumPy <c>.npz</c> archive: each array becomes the member <c>key.npy</c>, stored (as
/// <c>numpy.savez</c>) or deflated (as <c>numpy.savez_compressed</c>). The archive is built next to the target
/// and moved into place on <see cref="Dispose"/> (deleted instead if any <see cref="Write"/> threw), so a failure never leaves a
/// half-written file under the real name.
/// </summary>
public sealed class NpzWriter : IDisposable
{
    private readonly string _path, _temporaryPath;
    private readonly ZipArchive _zip;
    private readonly CompressionLevel _level;
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private bool _disposed, _failed;

    public NpzWriter(string path, bool compress = false)
    {
        _path = Path.GetFullPath(path);
        _temporaryPath = _path + ".partial";
        _level = compress ? CompressionLevel.Optimal : CompressionLevel.NoCompression;
        var stream = new FileStream(_temporaryPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        _zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: false);
    }

    public void Write(string key, NpyArray array)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            if (string.IsNullOrEmpty(key)) throw new ArgumentException("An npz key must not be empty.", nameof(key));
            if (!_keys.Add(key)) throw new ArgumentException($"The npz key '{key}' was already written to '{_path}'.", nameof(key));
            using var stream = _zip.CreateEntry(key + ".npy", _level).Open();
            Npy.Write(stream, array);
        }
        catch
        {
            _failed = true;
            throw;
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _zip.Dispose();
        if (_failed) File.Delete(_temporaryPath);
        else File.Move(_temporaryPath, _path, overwrite: true);
    }
}
