using Vigil.Bots.Data;

namespace Vigil.Tests.Bots.Generation;

/// <summary>Per-user signals computed from a dataset's public content only (profiles, tweets, edges), split by label.</summary>
internal static class GeneratedSignals
{
    public static readonly string[] AutomationClients = { "twittbot.net", "IFTTT", "dlvr.it", "Buffer", "Hootsuite Inc." };

    /// <summary>The values of <paramref name="signal"/> over the users with <paramref name="label"/>, skipping NaN.</summary>
    public static double[] Of(BotDataset d, BotLabel label, Func<int, double> signal) =>
        Enumerable.Range(0, d.Users.Count).Where(u => d.Labels[u] == label).Select(signal).Where(v => !double.IsNaN(v)).ToArray();

    public static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }

    public static double Mean(double[] values) => values.Length == 0 ? double.NaN : values.Average();

    /// <summary>Each user's tweet rows.</summary>
    public static List<int>[] TweetsByAuthor(BotDataset d)
    {
        var byAuthor = Enumerable.Range(0, d.Users.Count).Select(_ => new List<int>()).ToArray();
        var posts = d.Edges(BotRelation.Post);
        for (int e = 0; e < posts.Count; e++) byAuthor[posts.Sources[e]].Add(posts.Targets[e]);
        return byAuthor;
    }

    /// <summary>Each user's follow neighbours in either direction over <c>followers</c> and <c>following</c>.</summary>
    public static List<int>[] FollowNeighbours(BotDataset d)
    {
        var neighbours = Enumerable.Range(0, d.Users.Count).Select(_ => new List<int>()).ToArray();
        foreach (var relation in new[] { BotRelation.Followers, BotRelation.Following })
        {
            var edges = d.Edges(relation);
            for (int e = 0; e < edges.Count; e++)
            {
                neighbours[edges.Sources[e]].Add(edges.Targets[e]);
                neighbours[edges.Targets[e]].Add(edges.Sources[e]);
            }
        }
        return neighbours;
    }

    /// <summary>Share of a user's own tweets (not retweets) whose text, links removed, another tweet also has.</summary>
    public static Func<int, double> DuplicateShare(BotDataset d, List<int>[] byAuthor)
    {
        var skeleton = new string[d.Tweets.Count];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int t = 0; t < d.Tweets.Count; t++)
        {
            var text = d.Tweets.Text.GetString(t) ?? "";
            skeleton[t] = string.Join(' ', text.Split(' ').Where(w => !w.StartsWith("https://", StringComparison.Ordinal)));
            counts[skeleton[t]] = counts.GetValueOrDefault(skeleton[t]) + 1;
        }
        return u =>
        {
            var own = byAuthor[u].Where(t => !skeleton[t].StartsWith("RT @", StringComparison.Ordinal)).ToList();
            return own.Count == 0 ? double.NaN : own.Count(t => counts[skeleton[t]] > 1) / (double)own.Count;
        };
    }

    /// <summary>Share of gaps between a user's consecutive tweets that are under ten minutes.</summary>
    public static Func<int, double> BurstShare(BotDataset d, List<int>[] byAuthor) => u =>
    {
        var times = byAuthor[u].Select(t => d.Tweets.CreatedAt[t]).Order().ToArray();
        if (times.Length < 3) return double.NaN;
        int quick = 0;
        for (int i = 1; i < times.Length; i++) if (times[i] - times[i - 1] < 600) quick++;
        return quick / (double)(times.Length - 1);
    };
}
