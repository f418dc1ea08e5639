namespace Vigil.Core.Text.Hashed;

/// <summary>
/// A text after <see cref="TweetTextNormalizer"/>: its tokens written into one buffer as
/// <c>" tok1 tok2 … tokN "</c> (one space before each token and after the last), so a run of consecutive tokens
/// is one contiguous span (word n-grams) and every token has a space on each side (character n-grams see word
/// boundaries). Reused across texts to avoid allocation.
/// </summary>
public sealed class NormalizedText
{
    private char[] _chars = new char[256];
    private TextToken[] _tokens = new TextToken[64];

    public int Length { get; private set; }
    public int TokenCount { get; private set; }
    public ReadOnlySpan<char> Chars => _chars.AsSpan(0, Length);
    public ReadOnlySpan<TextToken> Tokens => _tokens.AsSpan(0, TokenCount);

    /// <summary>The tokens joined by single spaces (for tests and documentation).</summary>
    public override string ToString() => Length <= 2 ? "" : new string(_chars, 1, Length - 2);

    internal void Clear()
    {
        Length = 0;
        TokenCount = 0;
        Append(' ');
    }

    internal int Position => Length;

    internal void Append(char c)
    {
        if (Length == _chars.Length) Array.Resize(ref _chars, _chars.Length * 2);
        _chars[Length++] = c;
    }

    internal void Append(string s)
    {
        foreach (char c in s) Append(c);
    }

    /// <summary>Closes the token that started at <paramref name="start"/> and writes the separating space.</summary>
    internal void EndToken(int start, bool isPlaceholder)
    {
        if (TokenCount == _tokens.Length) Array.Resize(ref _tokens, _tokens.Length * 2);
        _tokens[TokenCount++] = new TextToken(start, Length - start, isPlaceholder);
        Append(' ');
    }
}
