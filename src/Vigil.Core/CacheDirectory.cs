namespace Vigil.Core;

/// <summary>Where Vigil keeps what it generates or trains by default (built-in datasets, the demo policy): $VIGIL_CACHE,
/// else $XDG_CACHE_HOME/vigil, else ~/.cache/vigil.</summary>
public static class CacheDirectory
{
    public const string EnvironmentVariable = "VIGIL_CACHE";

    /// <summary>The cache root, created when missing.</summary>
    public static string Root()
    {
        var root = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrEmpty(root))
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            root = Path.Combine(string.IsNullOrEmpty(xdg)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache") : xdg, "vigil");
        }
        Directory.CreateDirectory(root);
        return root;
    }
}
