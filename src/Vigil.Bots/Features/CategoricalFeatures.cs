using Vigil.Bots.Data;

namespace Vigil.Bots.Features;

/// <summary>BotRGCN's categorical properties as 0/1: protected, verified, and a default profile image.</summary>
public static class CategoricalFeatures
{
    public static IReadOnlyList<string> Names { get; } = new[] { "protected", "verified", "default_profile_image" };

    /// <summary>Row-major [users, 3].</summary>
    public static float[] Compute(UserTable users)
    {
        int n = users.Count, k = Names.Count;
        var result = new float[(long)n * k];
        for (int u = 0; u < n; u++)
        {
            result[u * k] = users.Protected[u] ? 1 : 0;
            result[u * k + 1] = users.Verified[u] ? 1 : 0;
            result[u * k + 2] = users.HasDefaultProfileImage(u) ? 1 : 0;
        }
        return result;
    }
}
