using System.Text.RegularExpressions;
using Vigil.Bots.Benchmark;
using Vigil.Bots.Features;

namespace Vigil.Bots.Baselines.Text;

/// <summary>
/// Each user's first <see cref="Tweets"/> tweets (in the tweet table's order) as word ids, <see cref="Words"/> per tweet:
/// lower-cased word tokens (hashtags and mentions keep their sign), a vocabulary of the words seen at least twice in the
/// training users' selected tweets (id 0 pads, id 1 is an unknown word), most frequent first. Row-major
/// [users, tweets, words]; a user with fewer tweets has padding rows. Built once per task (the vocabulary depends only
/// on the train users).
/// </summary>
public sealed partial class TweetTokens
{
    public const int Padding = 0;
    public const int Unknown = 1;

    private TweetTokens(long[] ids, int vocabularySize, int tweets, int words)
    {
        Ids = ids;
        VocabularySize = vocabularySize;
        Tweets = tweets;
        Words = words;
    }

    /// <summary>Word ids of every user row of the dataset, [users, <see cref="Tweets"/>, <see cref="Words"/>].</summary>
    public long[] Ids { get; }
    public int VocabularySize { get; }
    public int Tweets { get; }
    public int Words { get; }

    public static TweetTokens Build(BotDetectionTask task, int tweets, int words, int minimumCount = 2, int maximumVocabulary = 20_000)
    {
        var dataset = task.Dataset;
        var selection = UserTweetSelection.Select(dataset, tweets);
        var counts = new Dictionary<string, int>();
        foreach (int u in task.Train)
            foreach (int t in selection.Of(u))
                foreach (var word in Split(dataset.Tweets.Text.GetString(t)).Take(words))
                    counts[word] = counts.GetValueOrDefault(word) + 1;
        var vocabulary = counts.Where(p => p.Value >= minimumCount)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(maximumVocabulary)
            .Select((p, i) => (p.Key, Id: i + 2))
            .ToDictionary(p => p.Key, p => p.Id);

        int users = dataset.Users.Count;
        var ids = new long[(long)users * tweets * words];
        for (int u = 0; u < users; u++)
        {
            var own = selection.Of(u);
            for (int k = 0; k < own.Length; k++)
            {
                long offset = ((long)u * tweets + k) * words;
                int w = 0;
                foreach (var word in Split(dataset.Tweets.Text.GetString(own[k])))
                {
                    if (w == words) break;
                    ids[offset + w++] = vocabulary.TryGetValue(word, out int id) ? id : Unknown;
                }
            }
        }
        return new TweetTokens(ids, vocabulary.Count + 2, tweets, words);
    }

    /// <summary>The rows of <paramref name="users"/>, [users.Length, tweets, words] row-major.</summary>
    public long[] Of(int[] users)
    {
        int block = Tweets * Words;
        var rows = new long[users.Length * block];
        for (int i = 0; i < users.Length; i++) Array.Copy(Ids, (long)users[i] * block, rows, (long)i * block, block);
        return rows;
    }

    internal static IEnumerable<string> Split(string? text) =>
        text is null ? [] : WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value);

    [GeneratedRegex(@"[#@]?\w+")]
    private static partial Regex WordPattern();
}
