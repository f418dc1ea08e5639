using Vigil.Safety.Policy;

namespace Vigil.Tests.Safety.Inference;

/// <summary>A fixture tokenizer over a small alphabet: id 0 is the end-of-sequence token, then one id per character.</summary>
internal sealed class AlphabetTokenizer : ITextTokenizer
{
    public const string Alphabet = "abcdefghijklmnopqrstuvwxyz <>|/.\n?";

    public int VocabularySize => Alphabet.Length + 1;
    public int EndOfSequenceId => 0;
    public int PaddingId => 0;

    public int Id(char c) => Alphabet.IndexOf(c) is var i and >= 0 ? i + 1 : throw new ArgumentException($"'{c}' is not in the fixture alphabet.");

    public IReadOnlyList<int> Encode(string text) => text.Select(Id).ToArray();

    public string Decode(IEnumerable<int> ids, bool skipSpecialTokens = false) =>
        string.Concat(ids.Where(i => i != 0 || !skipSpecialTokens).Select(i => i == 0 ? "</s>" : Alphabet[i - 1].ToString()));
}
