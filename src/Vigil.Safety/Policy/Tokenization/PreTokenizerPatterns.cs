namespace Vigil.Safety.Policy.Tokenization;

/// <summary>The pre-tokenizer regexes that split text into words before byte-level BPE merges them.</summary>
public static class PreTokenizerPatterns
{
    /// <summary>GPT-2's pattern, what a <c>ByteLevel</c> pre-tokenizer with <c>use_regex</c> applies.</summary>
    public const string Gpt2 = @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";

    /// <summary>
    /// Qwen2's pattern (the default for trained tokenizers): every digit is its own word, which keeps numbers
    /// compositional for arithmetic.
    /// </summary>
    public const string Qwen2 = @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";
}
