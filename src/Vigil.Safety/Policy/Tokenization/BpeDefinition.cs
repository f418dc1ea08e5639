namespace Vigil.Safety.Policy.Tokenization;

/// <summary>One BPE merge rule: adjacent symbols <see cref="Left"/> and <see cref="Right"/> join; earlier rules win.</summary>
public readonly record struct BpeMerge(string Left, string Right);

/// <summary>
/// Everything a byte-level BPE tokenizer is made of, as a tokenizer.json holds it: the vocabulary (byte-level spelled
/// token → id), the merges in priority order, the added tokens, the pre-tokenizer regex and whether text is
/// NFC-normalised first.
/// </summary>
public sealed record BpeDefinition(
    IReadOnlyDictionary<string, int> Vocabulary,
    IReadOnlyList<BpeMerge> Merges,
    IReadOnlyList<AddedToken> AddedTokens,
    string PreTokenizerPattern,
    bool NormalizeNfc = false);
