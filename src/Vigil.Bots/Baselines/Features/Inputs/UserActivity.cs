using System.IO.Hashing;
using Vigil.Bots.Benchmark;
using Vigil.Bots.Data;

namespace Vigil.Bots.Baselines.Features.Inputs;

/// <summary>
/// Per-user aggregates of the tweets in the dataset (those whose author is a user of it), computed once per task:
/// how many, which share are retweets, replies, quotes, entities per tweet, engagement received, distinct sources,
/// the mean and spread of the gaps between consecutive tweets (burstiness), and with texts the mean length and the
/// share of distinct texts (duplicated or templated posting).
/// </summary>
public sealed class UserActivity
{
    private UserActivity(int users)
    {
        Tweets = new int[users];
        Retweets = new int[users];
        Replies = new int[users];
        Quotes = new int[users];
        Urls = new long[users];
        Hashtags = new long[users];
        Mentions = new long[users];
        LikesReceived = new long[users];
        RetweetsReceived = new long[users];
        Sources = new int[users];
        GapMeanHours = new double[users];
        GapStdHours = new double[users];
        TextBytes = new long[users];
        DistinctTexts = new int[users];
    }

    public bool HasTweets { get; private set; }
    public int[] Tweets { get; }
    public int[] Retweets { get; }
    public int[] Replies { get; }
    public int[] Quotes { get; }
    public long[] Urls { get; }
    public long[] Hashtags { get; }
    public long[] Mentions { get; }
    public long[] LikesReceived { get; }
    public long[] RetweetsReceived { get; }
    public int[] Sources { get; }
    public double[] GapMeanHours { get; }
    public double[] GapStdHours { get; }
    public long[] TextBytes { get; }
    public int[] DistinctTexts { get; }

    /// <summary><paramref name="value"/> divided by the user's tweets in the data (0 without any).</summary>
    public double PerTweet(int user, double value) => Tweets[user] == 0 ? 0 : value / Tweets[user];

    public static UserActivity Of(BotDetectionTask task) => task.Cache(Build);

    private static UserActivity Build(BotDetectionTask task)
    {
        var data = task.Dataset;
        var tweets = data.Tweets;
        var activity = new UserActivity(data.Users.Count);
        var author = new int[tweets.Count];
        var authors = tweets.AuthorId;
        for (int t = 0; t < tweets.Count; t++)
        {
            author[t] = authors[t] == TweetTable.UnknownAuthor ? -1 : data.Users.IndexOf(authors[t]);
            int u = author[t];
            if (u < 0) continue;
            activity.HasTweets = true;
            activity.Tweets[u]++;
            foreach (var reference in tweets.ReferencesOf(t))
            {
                switch (reference.Type)
                {
                    case ReferencedTweetType.Retweeted: activity.Retweets[u]++; break;
                    case ReferencedTweetType.RepliedTo: activity.Replies[u]++; break;
                    case ReferencedTweetType.Quoted: activity.Quotes[u]++; break;
                }
            }
            activity.Urls[u] += tweets.UrlCount[t];
            activity.Hashtags[u] += tweets.HashtagCount[t];
            activity.Mentions[u] += tweets.MentionCount[t];
            activity.LikesReceived[u] += Math.Max(0, tweets.LikeCount[t]);
            activity.RetweetsReceived[u] += Math.Max(0, tweets.RetweetCount[t]);
            if (tweets.HasText) activity.TextBytes[u] += tweets.Text.GetUtf8(t).Length;
        }
        if (!activity.HasTweets) return activity;

        // Grouped by author, in time order: gaps, distinct sources and distinct texts.
        var order = Enumerable.Range(0, tweets.Count).Where(t => author[t] >= 0).ToArray();
        var created = tweets.CreatedAt.ToArray();
        Array.Sort(order, (a, b) => author[a] != author[b] ? author[a].CompareTo(author[b]) : created[a].CompareTo(created[b]));
        var sources = new HashSet<int>();
        var texts = new HashSet<ulong>();
        for (int start = 0; start < order.Length;)
        {
            int u = author[order[start]];
            int end = start;
            while (end < order.Length && author[order[end]] == u) end++;
            sources.Clear();
            texts.Clear();
            double sum = 0, sumSquares = 0;
            int gaps = 0;
            long previous = TwiBotTime.Missing;
            for (int k = start; k < end; k++)
            {
                int t = order[k];
                sources.Add(tweets.Source.Codes[t]);
                if (tweets.HasText) texts.Add(XxHash3.HashToUInt64(tweets.Text.GetUtf8(t)));
                if (created[t] == TwiBotTime.Missing) continue;
                if (previous != TwiBotTime.Missing)
                {
                    double hours = (created[t] - previous) / 3600.0;
                    sum += hours;
                    sumSquares += hours * hours;
                    gaps++;
                }
                previous = created[t];
            }
            activity.Sources[u] = sources.Count;
            activity.DistinctTexts[u] = texts.Count;
            if (gaps > 0)
            {
                double mean = sum / gaps;
                activity.GapMeanHours[u] = mean;
                activity.GapStdHours[u] = Math.Sqrt(Math.Max(0, sumSquares / gaps - mean * mean));
            }
            start = end;
        }
        return activity;
    }
}
