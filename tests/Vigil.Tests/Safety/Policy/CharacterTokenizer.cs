using Vigil.Safety.Policy;

namespace Vigil.Tests.Safety.Policy;

/// <summary>A test tokenizer: token i is the character '0' + i, so any id sequence decodes to a readable string.</summary>
internal sealed class CharacterTokenizer(int vocabularySize, int endOfSequenceId, int paddingId) : ITextTokenizer
{
    public int VocabularySize => vocabularySize;
    public int EndOfSequenceId => endOfSequenceId;
    public int PaddingId => paddingId;

    public IReadOnlyList<int> Encode(string text) => text.Select(c => c - '0').ToArray();

    public string Decode(IEnumerable<int> ids, bool skipSpecialTokens = false) =>
        new(ids.Where(id => !skipSpecialTokens || (id != endOfSequenceId && id != paddingId)).Select(id => (char)('0' + id)).ToArray());
}
