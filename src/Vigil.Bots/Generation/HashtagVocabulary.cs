namespace Vigil.Bots.Generation;

/// <summary>
/// The hashtags of the synthetic set: tag i belongs to topic i mod (topics + 1), the last "topic" being bot promotion;
/// within a topic, low ranks are the popular tags (the topic name, its nouns, then adjective–noun pairs, then numbered).
/// </summary>
internal sealed class HashtagVocabulary
{
    private readonly string[] _names;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _rowOf;

    public HashtagVocabulary(int count)
    {
        _names = new string[count];
        var rowOf = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            _names[i] = NameOf(i % Stride, i / Stride);
            rowOf.TryAdd(_names[i], i);
        }
        _rowOf = rowOf.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Topics plus the promotion topic.</summary>
    public static int Stride => TextVocabulary.Topics.Length + 1;
    public static int PromoTopic => TextVocabulary.Topics.Length;

    public int Count => _names.Length;

    public string this[int index] => _names[index];

    /// <summary>The first row named <paramref name="name"/>, or −1 (topics may share a noun).</summary>
    public int IndexOf(ReadOnlySpan<char> name) => _rowOf.TryGetValue(name, out int row) ? row : -1;

    /// <summary>A tag of the topic, popular ones likelier.</summary>
    public int Pick(int topic, ref GeneratorRandom rng)
    {
        int perTopic = (Count - topic + Stride - 1) / Stride;
        return topic + Stride * rng.Skewed(Math.Max(1, perTopic), 3.0);
    }

    private static string NameOf(int topic, int rank)
    {
        var (stem, nouns) = topic == PromoTopic ? ("promo", TextVocabulary.PromoTags) : TextVocabulary.Topics[topic];
        if (topic == PromoTopic && rank < nouns.Length) return nouns[rank];
        if (rank == 0) return stem;
        rank -= 1;
        if (rank < nouns.Length) return nouns[rank];
        rank -= nouns.Length;
        int pairs = TextVocabulary.Adjectives.Length * nouns.Length;
        if (rank < pairs) return TextVocabulary.Adjectives[rank / nouns.Length] + nouns[rank % nouns.Length];
        rank -= pairs;
        return nouns[rank % nouns.Length] + (2000 + rank / nouns.Length).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
