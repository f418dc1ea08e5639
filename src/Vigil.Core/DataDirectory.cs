namespace Vigil.Core;

/// <summary>
/// Finds the shared real-data folder: <c>$VIGIL_DATA</c> when set, else a <c>shared/data</c> folder beside the
/// repository (found by walking up from a start directory). Real data is never copied into the project.
/// </summary>
public static class DataDirectory
{
    public const string EnvironmentVariable = "VIGIL_DATA";

    /// <summary>The data folder, or null when there is none (a user's clone without the shared data).</summary>
    public static string? Find(string? startDirectory = null)
    {
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env)) return Directory.Exists(env) ? Path.GetFullPath(env) : null;
        foreach (var start in new[] { startDirectory, AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data");
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>A file under the data folder, or null when the folder or the file is absent.</summary>
    public static string? FindFile(params string[] relativeParts)
    {
        var root = Find();
        if (root is null) return null;
        var path = Path.Combine(new[] { root }.Concat(relativeParts).ToArray());
        return File.Exists(path) ? path : null;
    }
}
