namespace Vigil.Bots.Generation;

/// <summary>Each bot cluster's three campaign hashtags (promotion tags, popular ones likelier), as rows and as names.</summary>
internal sealed class ClusterHashtags
{
    public ClusterHashtags(SyntheticPopulation people, HashtagVocabulary hashtags)
    {
        int clusters = people.ClusterMembers.Length;
        Rows = new int[clusters][];
        Names = new string[clusters][];
        for (int c = 0; c < clusters; c++)
        {
            var rng = new GeneratorRandom(people.Options.Seed, GeneratorStream.Hashtags, c);
            var rows = new List<int>(3);
            for (int attempt = 0; rows.Count < 3 && attempt < 20; attempt++)
            {
                int row = hashtags.Pick(HashtagVocabulary.PromoTopic, ref rng);
                if (!rows.Contains(row)) rows.Add(row);
            }
            Rows[c] = rows.ToArray();
            Names[c] = rows.Select(r => hashtags[r]).ToArray();
        }
    }

    public int[][] Rows { get; }
    public string[][] Names { get; }
}
