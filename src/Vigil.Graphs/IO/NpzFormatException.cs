namespace Vigil.Graphs.IO;

/// <summary>
/// The one error a malformed <c>.npy</c> or <c>.npz</c> file produces: a truncated or corrupt zip, truncated
/// array data, an unknown dtype, Fortran order, a bad header, inconsistent CSR arrays, a missing array. The
/// message names the file, the array (zip member) when there is one, and what is wrong with it.
/// </summary>
public sealed class NpzFormatException : Exception
{
    /// <summary>The file that was being read or written.</summary>
    public string FilePath { get; }
    /// <summary>The array (npz key, without <c>.npy</c>) at fault, or null for the file as a whole.</summary>
    public string? ArrayName { get; }
    /// <summary>What is wrong, without the file and array names.</summary>
    public string Problem { get; }

    public NpzFormatException(string filePath, string? arrayName, string problem, Exception? inner = null)
        : base(arrayName is null ? $"'{filePath}': {problem}" : $"'{filePath}', array '{arrayName}': {problem}", inner)
    {
        FilePath = filePath; ArrayName = arrayName; Problem = problem;
    }
}
