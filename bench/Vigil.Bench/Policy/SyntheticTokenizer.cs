using Vigil.Safety.Policy;

namespace Vigil.Bench.Policy;

/// <summary>A stand-in tokenizer for random-weight models: ids print as numbers; the end id is the last one (rows that draw it stop early, and only generated tokens count).</summary>
internal sealed class SyntheticTokenizer(int vocabularySize) : ITextTokenizer
{
    public int VocabularySize => vocabularySize;
    public int EndOfSequenceId => vocabularySize - 1;
    public int PaddingId => 0;

    public IReadOnlyList<int> Encode(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();

    public string Decode(IEnumerable<int> ids, bool skipSpecialTokens = false) => string.Join(' ', ids);
}
