namespace Vigil.Bots.Conversion;

/// <summary>The source layouts <see cref="DatasetConverter"/> turns into the TwiBot-22 format.</summary>
public enum SourceFormat
{
    /// <summary>Cresci et al. 2015 ("Fame for sale") as released: one folder per subset with <c>users.csv</c>, and <c>tweets.csv</c>, <c>followers.csv</c>, <c>friends.csv</c> where present.</summary>
    Cresci2015,
    /// <summary>TwiBot-20 as released: JSON arrays of users with <c>ID</c>, <c>profile</c>, <c>tweet</c>, <c>neighbor</c>, <c>label</c>.</summary>
    TwiBot20,
}

public static class SourceFormats
{
    /// <summary>The names the CLI accepts, in <see cref="SourceFormat"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } = new[] { "cresci-2015", "twibot-20" };

    public static string Name(this SourceFormat format) => Names[(int)format];

    public static SourceFormat Parse(string name)
    {
        int i = Names.ToList().IndexOf(name.Trim().ToLowerInvariant());
        return i >= 0 ? (SourceFormat)i : throw new ArgumentException($"Unknown source format '{name}' (expected {string.Join(" or ", Names)}).", nameof(name));
    }
}
