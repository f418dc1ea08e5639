using Vigil.Core;

namespace Vigil.Tests;

/// <summary>A fact that is skipped, with the reason stated, when a shared real-data file is absent.</summary>
public sealed class DataFileFactAttribute : FactAttribute
{
    public DataFileFactAttribute(params string[] relativeParts)
    {
        if (DataDirectory.FindFile(relativeParts) is null)
            Skip = $"Real data file {string.Join('/', relativeParts)} not found (set {DataDirectory.EnvironmentVariable} or provide ../shared/data).";
    }
}
