using Vigil.Core;

namespace Vigil.Tests;

/// <summary>Locates the shared real data; tests that need it skip with this reason when it is absent.</summary>
internal static class RealData
{
    public const string MissingReason = "the shared real-data folder (../shared/data or $VIGIL_DATA) is absent in this clone";

    public static string? Cora => DataDirectory.FindFile("graphs", "cora.npz");
}
