using System.IO.Hashing;
using System.Text;
using Vigil.Bots.IO;

namespace Vigil.Bots.Benchmark;

/// <summary>
/// The content hash of a dataset folder: XxHash128 over the name and bytes of every file the reader reads, in a fixed
/// order, so a run's key changes exactly when the data does (renaming or moving the folder keeps it).
/// </summary>
public static class DatasetFingerprint
{
    public static string OfDirectory(string directory)
    {
        var hash = new XxHash128();
        var buffer = new byte[1 << 20];
        foreach (var path in TwiBotFiles.DataFiles(directory).OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal))
        {
            hash.Append(Encoding.UTF8.GetBytes(Path.GetFileName(path) + "\n"));
            using var stream = File.OpenRead(path);
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0) hash.Append(buffer.AsSpan(0, read));
        }
        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }
}
