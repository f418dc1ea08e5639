namespace Vigil.Bots.Data;

/// <summary>
/// One tweet as plain values. <see cref="AuthorId"/> is the author's user id digits; counts are null when
/// <c>public_metrics</c> lacked them; entity counts are the lengths of <c>entities.hashtags/mentions/urls</c>.
/// </summary>
public sealed record TweetRow(long Id)
{
    public long? AuthorId { get; init; }
    public string? Text { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public string? Lang { get; init; }
    public int? RetweetCount { get; init; }
    public int? ReplyCount { get; init; }
    public int? LikeCount { get; init; }
    public int? QuoteCount { get; init; }
    public IReadOnlyList<ReferencedTweet> ReferencedTweets { get; init; } = Array.Empty<ReferencedTweet>();
    public int HashtagCount { get; init; }
    public int MentionCount { get; init; }
    public int UrlCount { get; init; }
    public string? Source { get; init; }
    public bool PossiblySensitive { get; init; }
}
