using System.Text;

namespace Vigil.Bots.IO.Json;

/// <summary>Names, kinds and a fast name lookup for <see cref="JsonField"/>.</summary>
internal static class JsonFields
{
    public const int Count = (int)JsonField.Type + 1;

    private static readonly (string Name, JsonField Field, JsonFieldKind TopLevelKind)[] Table =
    {
        ("id", JsonField.Id, JsonFieldKind.RecordId),
        ("name", JsonField.Name, JsonFieldKind.Text),
        ("username", JsonField.Username, JsonFieldKind.Text),
        ("created_at", JsonField.CreatedAt, JsonFieldKind.Timestamp),
        ("description", JsonField.Description, JsonFieldKind.Text),
        ("location", JsonField.Location, JsonFieldKind.Text),
        ("url", JsonField.Url, JsonFieldKind.Text),
        ("verified", JsonField.Verified, JsonFieldKind.Boolean),
        ("protected", JsonField.Protected, JsonFieldKind.Boolean),
        ("profile_image_url", JsonField.ProfileImageUrl, JsonFieldKind.Text),
        ("pinned_tweet_id", JsonField.PinnedTweetId, JsonFieldKind.ForeignId),
        ("public_metrics", JsonField.PublicMetrics, JsonFieldKind.Container),
        ("entities", JsonField.Entities, JsonFieldKind.Container),
        ("author_id", JsonField.AuthorId, JsonFieldKind.ForeignId),
        ("text", JsonField.Text, JsonFieldKind.Text),
        ("lang", JsonField.Lang, JsonFieldKind.Text),
        ("referenced_tweets", JsonField.ReferencedTweets, JsonFieldKind.Container),
        ("source", JsonField.Source, JsonFieldKind.Text),
        ("possibly_sensitive", JsonField.PossiblySensitive, JsonFieldKind.Boolean),
        ("private", JsonField.Private, JsonFieldKind.Boolean),
        ("follower_count", JsonField.FollowerCount, JsonFieldKind.Integer),
        ("member_count", JsonField.MemberCount, JsonFieldKind.Integer),
        ("tag_name", JsonField.TagName, JsonFieldKind.Text),
        ("followers_count", JsonField.FollowersCount, JsonFieldKind.Ignored),
        ("following_count", JsonField.FollowingCount, JsonFieldKind.Ignored),
        ("tweet_count", JsonField.TweetCount, JsonFieldKind.Ignored),
        ("listed_count", JsonField.ListedCount, JsonFieldKind.Ignored),
        ("retweet_count", JsonField.RetweetCount, JsonFieldKind.Ignored),
        ("reply_count", JsonField.ReplyCount, JsonFieldKind.Ignored),
        ("like_count", JsonField.LikeCount, JsonFieldKind.Ignored),
        ("quote_count", JsonField.QuoteCount, JsonFieldKind.Ignored),
        ("urls", JsonField.Urls, JsonFieldKind.Ignored),
        ("hashtags", JsonField.Hashtags, JsonFieldKind.Ignored),
        ("mentions", JsonField.Mentions, JsonFieldKind.Ignored),
        ("cashtags", JsonField.Cashtags, JsonFieldKind.Ignored),
        ("type", JsonField.Type, JsonFieldKind.Ignored),
    };

    private const int MaxNameLength = 32;

    // Candidates by name length: a property name costs one length switch and a few short comparisons.
    private static readonly (byte[] Name, JsonField Field)[][] ByLength = BuildByLength();
    private static readonly JsonFieldKind[] TopLevelKinds = BuildKinds();
    private static readonly string[] Names = BuildNames();

    public static JsonField Lookup(ReadOnlySpan<byte> utf8Name)
    {
        if ((uint)utf8Name.Length >= MaxNameLength) return JsonField.Unknown;
        foreach (var (name, field) in ByLength[utf8Name.Length])
        {
            if (utf8Name.SequenceEqual(name)) return field;
        }
        return JsonField.Unknown;
    }

    /// <summary>The kind of value the field holds directly in an entity object.</summary>
    public static JsonFieldKind TopLevelKind(JsonField field) => TopLevelKinds[(int)field];

    public static string Name(JsonField field) => Names[(int)field];

    /// <summary>The field's name as it stands in JSON before its value, unescaped: <c>"name":</c> (UTF-8).</summary>
    public static byte[] QuotedName(JsonField field) => QuotedNames[(int)field];

    private static readonly byte[][] QuotedNames = BuildNames().Select(n => Encoding.UTF8.GetBytes($"\"{n}\":")).ToArray();

    /// <summary>True for the four <c>public_metrics</c> counts of a user and of a tweet.</summary>
    public static bool IsMetric(JsonField field) => field is >= JsonField.FollowersCount and <= JsonField.QuoteCount;

    private static (byte[] Name, JsonField Field)[][] BuildByLength()
    {
        var groups = new List<(byte[], JsonField)>[MaxNameLength];
        for (int i = 0; i < groups.Length; i++) groups[i] = new();
        foreach (var (name, field, _) in Table) groups[name.Length].Add((Encoding.UTF8.GetBytes(name), field));
        return groups.Select(g => g.ToArray()).ToArray();
    }

    private static JsonFieldKind[] BuildKinds()
    {
        var kinds = new JsonFieldKind[Count];
        foreach (var (_, field, kind) in Table) kinds[(int)field] = kind;
        return kinds;
    }

    private static string[] BuildNames()
    {
        var names = new string[Count];
        names[0] = "(unknown)";
        foreach (var (name, field, _) in Table) names[(int)field] = name;
        return names;
    }
}
