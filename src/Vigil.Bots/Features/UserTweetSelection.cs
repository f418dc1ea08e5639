using Vigil.Bots.Data;

namespace Vigil.Bots.Features;

/// <summary>
/// The tweets whose embeddings make a user's tweet feature: the first <c>limit</c> tweets of each user in the tweet
/// table's order, as a CSR list (user u's are <c>TweetRows[Start[u] … Start[u+1]−1]</c>). Authors come from the tweets'
/// <c>author_id</c> (the reader fills it from <c>post</c> edges for older sets); tweets of authors outside the users are counted.
/// </summary>
public sealed class UserTweetSelection
{
    private UserTweetSelection(int[] start, int[] tweetRows, long tweetsWithoutUser)
    {
        Start = start;
        TweetRows = tweetRows;
        TweetsWithoutUser = tweetsWithoutUser;
    }

    public int[] Start { get; }
    public int[] TweetRows { get; }

    /// <summary>Tweets whose author is unknown or not one of the users (they belong to no user's feature).</summary>
    public long TweetsWithoutUser { get; }

    public int Count => TweetRows.Length;

    public ReadOnlySpan<int> Of(int user) => TweetRows.AsSpan(Start[user], Start[user + 1] - Start[user]);

    public static UserTweetSelection Select(BotDataset dataset, int limit)
    {
        int users = dataset.Users.Count;
        var authors = dataset.Tweets.AuthorId;
        var counts = new int[users];
        var ownerOfTweet = new int[authors.Length];
        long orphans = 0;
        for (int t = 0; t < authors.Length; t++)
        {
            int u = authors[t] == TweetTable.UnknownAuthor ? -1 : dataset.Users.IndexOf(authors[t]);
            if (u < 0) { orphans++; ownerOfTweet[t] = -1; continue; }
            ownerOfTweet[t] = counts[u] < limit ? u : -1;
            if (counts[u] < limit) counts[u]++;
        }
        var start = new int[users + 1];
        for (int u = 0; u < users; u++) start[u + 1] = start[u] + counts[u];
        var rows = new int[start[users]];
        var next = (int[])start[..users].Clone();
        for (int t = 0; t < ownerOfTweet.Length; t++)
            if (ownerOfTweet[t] >= 0) rows[next[ownerOfTweet[t]]++] = t;
        return new UserTweetSelection(start, rows, orphans);
    }
}
