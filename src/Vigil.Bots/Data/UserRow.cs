namespace Vigil.Bots.Data;

/// <summary>
/// One user as plain values, for building a <see cref="UserTable"/> by hand or reading one row of it. Counts are null
/// when <c>public_metrics</c> lacked them; <see cref="Verified"/> and <see cref="Protected"/> read null as false.
/// </summary>
public sealed record UserRow(long Id)
{
    public string? Name { get; init; }
    public string? Username { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public string? Description { get; init; }
    public string? Location { get; init; }
    public string? Url { get; init; }
    public bool Verified { get; init; }
    public bool Protected { get; init; }
    public string? ProfileImageUrl { get; init; }
    public int? FollowersCount { get; init; }
    public int? FollowingCount { get; init; }
    public int? TweetCount { get; init; }
    public int? ListedCount { get; init; }
    public long? PinnedTweetId { get; init; }
    public UserEntityCounts Entities { get; init; }
}
