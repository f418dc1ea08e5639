using Vigil.Bots.Data.Columns;

namespace Vigil.Bots.Data;

/// <summary>
/// Compares two datasets field by field (every column of every table, labels, splits, and each relation's edges in
/// order) and describes the first differences, naming the column, the row and the id. Used to check that writing a
/// dataset and reading it back changes nothing. Tweet texts are compared when both sides kept them.
/// </summary>
public static class BotDatasetComparison
{
    public static bool ContentEquals(BotDataset a, BotDataset b) => Differences(a, b, 1).Count == 0;

    /// <summary>Up to <paramref name="max"/> differences; empty when the datasets hold the same content.</summary>
    public static IReadOnlyList<string> Differences(BotDataset a, BotDataset b, int max = 20)
    {
        var found = new List<string>();
        var c = new Collector(found, max);

        if (c.Count("users", a.Users.Count, b.Users.Count))
        {
            var (u, v) = (a.Users, b.Users);
            c.Column("user ids", u.Ids.Ids, v.Ids.Ids, u.Ids);
            c.Text("user name", u.Name, v.Name, u.Ids);
            c.Text("user username", u.Username, v.Username, u.Ids);
            c.Text("user description", u.Description, v.Description, u.Ids);
            c.Text("user location", u.Location, v.Location, u.Ids);
            c.Text("user url", u.Url, v.Url, u.Ids);
            c.Text("user profile_image_url", u.ProfileImageUrl, v.ProfileImageUrl, u.Ids);
            c.Column("user created_at", u.CreatedAt, v.CreatedAt, u.Ids);
            c.Column("user verified", u.Verified, v.Verified, u.Ids);
            c.Column("user protected", u.Protected, v.Protected, u.Ids);
            c.Column("user followers_count", u.FollowersCount, v.FollowersCount, u.Ids);
            c.Column("user following_count", u.FollowingCount, v.FollowingCount, u.Ids);
            c.Column("user tweet_count", u.TweetCount, v.TweetCount, u.Ids);
            c.Column("user listed_count", u.ListedCount, v.ListedCount, u.Ids);
            c.Column("user pinned_tweet_id", u.PinnedTweetId, v.PinnedTweetId, u.Ids);
            c.Column("user entities", u.Entities, v.Entities, u.Ids);
            c.Column("labels", a.Labels, b.Labels, u.Ids);
            c.Column("splits", a.Splits, b.Splits, u.Ids);
        }
        if (c.Count("tweets", a.Tweets.Count, b.Tweets.Count))
        {
            var (s, t) = (a.Tweets, b.Tweets);
            c.Column("tweet ids", s.Ids.Ids, t.Ids.Ids, s.Ids);
            if (s.HasText && t.HasText) c.Text("tweet text", s.Text, t.Text, s.Ids);
            c.Column("tweet author_id", s.AuthorId, t.AuthorId, s.Ids);
            c.Column("tweet created_at", s.CreatedAt, t.CreatedAt, s.Ids);
            c.Category("tweet lang", s.Lang, t.Lang, s.Ids);
            c.Category("tweet source", s.Source, t.Source, s.Ids);
            c.Column("tweet retweet_count", s.RetweetCount, t.RetweetCount, s.Ids);
            c.Column("tweet reply_count", s.ReplyCount, t.ReplyCount, s.Ids);
            c.Column("tweet like_count", s.LikeCount, t.LikeCount, s.Ids);
            c.Column("tweet quote_count", s.QuoteCount, t.QuoteCount, s.Ids);
            c.Column("tweet referenced_tweets (offsets)", s.ReferenceStart, t.ReferenceStart, s.Ids);
            c.Column("tweet referenced_tweets", s.References, t.References, null);
            c.Column("tweet hashtag count", s.HashtagCount, t.HashtagCount, s.Ids);
            c.Column("tweet mention count", s.MentionCount, t.MentionCount, s.Ids);
            c.Column("tweet url count", s.UrlCount, t.UrlCount, s.Ids);
            c.Column("tweet possibly_sensitive", s.PossiblySensitive, t.PossiblySensitive, s.Ids);
        }
        if (c.Count("lists", a.Lists.Count, b.Lists.Count))
        {
            var (l, m) = (a.Lists, b.Lists);
            c.Column("list ids", l.Ids.Ids, m.Ids.Ids, l.Ids);
            c.Text("list name", l.Name, m.Name, l.Ids);
            c.Text("list description", l.Description, m.Description, l.Ids);
            c.Column("list created_at", l.CreatedAt, m.CreatedAt, l.Ids);
            c.Column("list private", l.Private, m.Private, l.Ids);
            c.Column("list follower_count", l.FollowerCount, m.FollowerCount, l.Ids);
            c.Column("list member_count", l.MemberCount, m.MemberCount, l.Ids);
        }
        if (c.Count("hashtags", a.Hashtags.Count, b.Hashtags.Count))
        {
            c.Column("hashtag ids", a.Hashtags.Ids.Ids, b.Hashtags.Ids.Ids, a.Hashtags.Ids);
            c.Text("hashtag tag_name", a.Hashtags.TagName, b.Hashtags.TagName, a.Hashtags.Ids);
        }
        foreach (var relation in BotRelations.All)
        {
            var (e, f) = (a.Edges(relation), b.Edges(relation));
            if (!c.Count($"{relation.Name()} edges", e.Count, f.Count)) continue;
            c.Column($"{relation.Name()} edge sources", e.Sources, f.Sources, null);
            c.Column($"{relation.Name()} edge targets", e.Targets, f.Targets, null);
        }
        return found;
    }

    private sealed class Collector(List<string> found, int max)
    {
        public bool Count(string what, int a, int b)
        {
            if (a == b) return true;
            Add($"{what}: {a} vs {b}");
            return false;
        }

        public void Column<T>(string what, ReadOnlySpan<T> a, ReadOnlySpan<T> b, IdIndex? ids)
        {
            if (a.Length != b.Length) { Add($"{what}: {a.Length} vs {b.Length} entries"); return; }
            for (int i = 0; i < a.Length; i++)
            {
                if (!EqualityComparer<T>.Default.Equals(a[i], b[i])) { Add($"{what} at {Where(i, ids)}: {a[i]} vs {b[i]}"); return; }
            }
        }

        public void Text(string what, Utf8TextColumn a, Utf8TextColumn b, IdIndex ids)
        {
            if (a.Count != b.Count) { Add($"{what}: {a.Count} vs {b.Count} rows"); return; }
            for (int i = 0; i < a.Count; i++)
            {
                if (!a.RowEquals(i, b, i)) { Add($"{what} at {Where(i, ids)}: {Quote(a.GetString(i))} vs {Quote(b.GetString(i))}"); return; }
            }
        }

        public void Category(string what, CategoryColumn a, CategoryColumn b, IdIndex ids)
        {
            for (int i = 0; i < a.Count; i++)
            {
                if (a[i] != b[i]) { Add($"{what} at {Where(i, ids)}: {Quote(a[i])} vs {Quote(b[i])}"); return; }
            }
        }

        private void Add(string difference)
        {
            if (found.Count < max) found.Add(difference);
        }

        private static string Where(int row, IdIndex? ids) => ids is null ? $"entry {row}" : $"row {row} ({ids.Format(row)})";

        private static string Quote(string? text) => text is null ? "null" : $"\"{text}\"";
    }
}
