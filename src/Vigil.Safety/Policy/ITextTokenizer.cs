namespace Vigil.Safety.Policy;

/// <summary>Text ↔ token ids for a policy. <see cref="Encode"/> adds no special tokens; callers add them.</summary>
public interface ITextTokenizer
{
    int VocabularySize { get; }
    int EndOfSequenceId { get; }
    int PaddingId { get; }

    IReadOnlyList<int> Encode(string text);

    /// <summary>Decodes ids to text; special tokens are kept as their text unless <paramref name="skipSpecialTokens"/>.</summary>
    string Decode(IEnumerable<int> ids, bool skipSpecialTokens = false);
}
