namespace Vigil.Core.Text.Hashed;

/// <summary>
/// A token inside <see cref="NormalizedText.Chars"/>. Placeholders (<c>&lt;url&gt;</c>, <c>&lt;user&gt;</c>) stand
/// for a whole URL or mention and get no character n-grams: their spelling carries no information.
/// </summary>
public readonly record struct TextToken(int Start, int Length, bool IsPlaceholder)
{
    public int End => Start + Length;
}
