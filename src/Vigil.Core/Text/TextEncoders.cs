using Vigil.Core.Text.Caching;
using Vigil.Core.Text.Hashed;
using Vigil.Core.Text.MiniLm;

namespace Vigil.Core.Text;

/// <summary>Builds an encoder by its short name, optionally behind an on-disk cache.</summary>
public static class TextEncoders
{
    /// <summary>all-MiniLM-L6-v2 through ONNX Runtime (<see cref="MiniLmEncoder"/>).</summary>
    public const string MiniLm = "minilm";
    /// <summary>Hashed word and character n-grams (<see cref="HashedNgramEncoder"/>).</summary>
    public const string Hashed = "hashed";
    public static IReadOnlyList<string> Names { get; } = new[] { MiniLm, Hashed };

    /// <param name="name">"minilm" or "hashed" (case-insensitive)</param>
    /// <param name="cacheDirectory">when given, the encoder is wrapped in a <see cref="CachedTextEncoder"/> there</param>
    public static ITextEncoder Create(string name, string? cacheDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ITextEncoder encoder = name.Trim().ToLowerInvariant() switch
        {
            MiniLm => new MiniLmEncoder(),
            Hashed => new HashedNgramEncoder(),
            _ => throw new ArgumentException($"Unknown text encoder '{name}'; known: {string.Join(", ", Names)}.", nameof(name)),
        };
        if (cacheDirectory is null) return encoder;
        try { return new CachedTextEncoder(encoder, cacheDirectory); }
        catch { encoder.Dispose(); throw; }
    }
}
