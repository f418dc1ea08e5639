namespace Vigil.Bots.Data;

/// <summary>One Twitter list as plain values (counts null when absent).</summary>
public sealed record ListRow(long Id)
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public bool Private { get; init; }
    public int? FollowerCount { get; init; }
    public int? MemberCount { get; init; }
}
