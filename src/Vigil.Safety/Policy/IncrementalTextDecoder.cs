namespace Vigil.Safety.Policy;

/// <summary>
/// Turns a growing list of token ids into text pieces for streaming. A byte-level token can end in the middle of a
/// UTF-8 character, which decodes to U+FFFD until the next token completes it, so the tail from the first trailing
/// replacement character is held back until it resolves (or until <see cref="Flush"/>).
/// </summary>
public sealed class IncrementalTextDecoder
{
    private readonly ITextTokenizer _tokenizer;
    private readonly bool _skipSpecialTokens;
    private readonly List<int> _ids = new();
    private int _emitted;

    public IncrementalTextDecoder(ITextTokenizer tokenizer, bool skipSpecialTokens = false)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        _tokenizer = tokenizer;
        _skipSpecialTokens = skipSpecialTokens;
    }

    /// <summary>Adds a token and returns the text that became final with it (possibly empty).</summary>
    public string Append(int id)
    {
        _ids.Add(id);
        var text = _tokenizer.Decode(_ids, _skipSpecialTokens);
        int stable = text.Length;
        while (stable > _emitted && text[stable - 1] == '\uFFFD') stable--;
        // Decoding more ids only appends, except where a held-back partial character resolves; never re-emit.
        if (stable <= _emitted) return "";
        var piece = text[_emitted..stable];
        _emitted = stable;
        return piece;
    }

    /// <summary>Whatever is still held back (an incomplete character at the very end), now that no token follows.</summary>
    public string Flush()
    {
        var text = _tokenizer.Decode(_ids, _skipSpecialTokens);
        if (text.Length <= _emitted) return "";
        var piece = text[_emitted..];
        _emitted = text.Length;
        return piece;
    }
}
