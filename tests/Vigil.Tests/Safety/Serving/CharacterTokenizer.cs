using Vigil.Safety.Policy;

namespace Vigil.Tests.Safety.Serving;

/// <summary>One token per UTF-16 character (id = char + 2); 0 is the end-of-sequence token "&lt;/s&gt;", 1 padding.</summary>
internal sealed class CharacterTokenizer : ITextTokenizer
{
    public const string EndOfSequenceText = "</s>";

    public int VocabularySize => char.MaxValue + 3;
    public int EndOfSequenceId => 0;
    public int PaddingId => 1;

    public IReadOnlyList<int> Encode(string text) => text.Select(c => c + 2).ToArray();

    public string Decode(IEnumerable<int> ids, bool skipSpecialTokens = false) => string.Concat(ids.Select(id => id switch
    {
        0 => skipSpecialTokens ? "" : EndOfSequenceText,
        1 => skipSpecialTokens ? "" : "<pad>",
        _ => ((char)(id - 2)).ToString(),
    }));
}
