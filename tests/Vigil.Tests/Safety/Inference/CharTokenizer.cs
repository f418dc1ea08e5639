using Vigil.Safety.Policy;

namespace Vigil.Tests.Safety.Inference;

/// <summary>A fixture tokenizer: one token per UTF-16 character, so token counts are string lengths.</summary>
internal sealed class CharTokenizer : ITextTokenizer
{
    public int VocabularySize => char.MaxValue + 1;
    public int EndOfSequenceId => 0;
    public int PaddingId => 0;

    public IReadOnlyList<int> Encode(string text) => text.Select(c => (int)c).ToArray();

    public string Decode(IEnumerable<int> ids, bool skipSpecialTokens = false) => new(ids.Select(i => (char)i).ToArray());
}
