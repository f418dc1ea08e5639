namespace Vigil.Graphs.IO;

/// <summary>Whole-archive conveniences over <see cref="NpzReader"/> and <see cref="NpzWriter"/>.</summary>
public static class Npz
{
    /// <summary>Reads every array of the archive, keyed as NumPy keys them (member name without <c>.npy</c>).</summary>
    public static Dictionary<string, NpyArray> Load(string path)
    {
        using var reader = NpzReader.Open(path);
        var result = new Dictionary<string, NpyArray>(StringComparer.Ordinal);
        foreach (var key in reader.Keys) result[key] = reader.Read(key);
        return result;
    }

    public static void Save(string path, IEnumerable<KeyValuePair<string, NpyArray>> arrays, bool compress = false)
    {
        using var writer = new NpzWriter(path, compress);
        foreach (var (key, array) in arrays) writer.Write(key, array);
    }
}
