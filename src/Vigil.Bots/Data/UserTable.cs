using System.Runtime.InteropServices;
using Vigil.Bots.Data.Columns;

namespace Vigil.Bots.Data;

/// <summary>
/// The users, one column per field a detector uses (Twitter API v2 user fields as TwiBot-22 stores them). Row i is the
/// i-th user read; <see cref="Ids"/> maps an id back to its row. Missing counts are <see cref="MissingCount"/>, a missing
/// creation time is <see cref="TwiBotTime.Missing"/>, no pinned tweet is <see cref="NoPinnedTweet"/>.
/// </summary>
public sealed class UserTable
{
    public const int MissingCount = -1;
    public const long NoPinnedTweet = -1;

    internal List<long> CreatedAtColumn = new();
    internal List<bool> VerifiedColumn = new();
    internal List<bool> ProtectedColumn = new();
    internal List<int> FollowersColumn = new();
    internal List<int> FollowingColumn = new();
    internal List<int> TweetCountColumn = new();
    internal List<int> ListedColumn = new();
    internal List<long> PinnedColumn = new();
    internal List<UserEntityCounts> EntitiesColumn = new();

    public UserTable() : this(indexed: true) { }

    /// <param name="indexed">False for a parallel reader's per-file part (see <see cref="IdIndex"/>).</param>
    internal UserTable(bool indexed) => Ids = new IdIndex(EntityKind.User, indexed);

    public IdIndex Ids { get; }
    public Utf8TextColumn Name { get; } = new();
    public Utf8TextColumn Username { get; } = new();
    public Utf8TextColumn Description { get; } = new();
    public Utf8TextColumn Location { get; } = new();
    public Utf8TextColumn Url { get; } = new();
    public Utf8TextColumn ProfileImageUrl { get; } = new();

    public int Count => Ids.Count;

    /// <summary>Account creation, Unix seconds.</summary>
    public ReadOnlySpan<long> CreatedAt => CollectionsMarshal.AsSpan(CreatedAtColumn);
    public ReadOnlySpan<bool> Verified => CollectionsMarshal.AsSpan(VerifiedColumn);
    public ReadOnlySpan<bool> Protected => CollectionsMarshal.AsSpan(ProtectedColumn);
    public ReadOnlySpan<int> FollowersCount => CollectionsMarshal.AsSpan(FollowersColumn);
    public ReadOnlySpan<int> FollowingCount => CollectionsMarshal.AsSpan(FollowingColumn);
    public ReadOnlySpan<int> TweetCount => CollectionsMarshal.AsSpan(TweetCountColumn);
    public ReadOnlySpan<int> ListedCount => CollectionsMarshal.AsSpan(ListedColumn);
    /// <summary>The pinned tweet's id digits (it need not be among the dataset's tweets).</summary>
    public ReadOnlySpan<long> PinnedTweetId => CollectionsMarshal.AsSpan(PinnedColumn);
    public ReadOnlySpan<UserEntityCounts> Entities => CollectionsMarshal.AsSpan(EntitiesColumn);

    /// <summary>True when the profile image is Twitter's default egg/silhouette, a classic bot signal.</summary>
    public bool HasDefaultProfileImage(int row) => ProfileImageUrl.GetUtf8(row).IndexOf("default_profile_images"u8) >= 0;

    /// <summary>Appends a user and returns its row; a user id already present is an error.</summary>
    public int Add(UserRow user)
    {
        if (user.Id < 0) throw new ArgumentException($"User id {user.Id} is negative; ids are Twitter's non-negative digits.", nameof(user));
        if (!Ids.TryAdd(user.Id, out int existing))
            throw new ArgumentException($"User u{user.Id} is already row {existing}.", nameof(user));
        Name.Add(user.Name);
        Username.Add(user.Username);
        Description.Add(user.Description);
        Location.Add(user.Location);
        Url.Add(user.Url);
        ProfileImageUrl.Add(user.ProfileImageUrl);
        CreatedAtColumn.Add(TwiBotTime.FromDateTime(user.CreatedAt));
        VerifiedColumn.Add(user.Verified);
        ProtectedColumn.Add(user.Protected);
        FollowersColumn.Add(user.FollowersCount ?? MissingCount);
        FollowingColumn.Add(user.FollowingCount ?? MissingCount);
        TweetCountColumn.Add(user.TweetCount ?? MissingCount);
        ListedColumn.Add(user.ListedCount ?? MissingCount);
        PinnedColumn.Add(user.PinnedTweetId ?? NoPinnedTweet);
        EntitiesColumn.Add(user.Entities);
        return Count - 1;
    }

    /// <summary>Row <paramref name="row"/> as plain values.</summary>
    public UserRow this[int row] => new(Ids[row])
    {
        Name = Name.GetString(row),
        Username = Username.GetString(row),
        CreatedAt = TwiBotTime.ToDateTime(CreatedAt[row]),
        Description = Description.GetString(row),
        Location = Location.GetString(row),
        Url = Url.GetString(row),
        Verified = Verified[row],
        Protected = Protected[row],
        ProfileImageUrl = ProfileImageUrl.GetString(row),
        FollowersCount = Count32(FollowersCount[row]),
        FollowingCount = Count32(FollowingCount[row]),
        TweetCount = Count32(TweetCount[row]),
        ListedCount = Count32(ListedCount[row]),
        PinnedTweetId = PinnedTweetId[row] == NoPinnedTweet ? null : PinnedTweetId[row],
        Entities = Entities[row],
    };

    /// <summary>Makes room for <paramref name="rows"/> users in all.</summary>
    internal void Reserve(int rows)
    {
        if (rows <= Count) return;
        Ids.Reserve(rows);
        foreach (var column in new[] { Name, Username, Description, Location, Url, ProfileImageUrl }) column.Reserve(rows);
        foreach (var column in new[] { CreatedAtColumn, PinnedColumn }) column.EnsureCapacity(rows);
        foreach (var column in new[] { VerifiedColumn, ProtectedColumn }) column.EnsureCapacity(rows);
        foreach (var column in new[] { FollowersColumn, FollowingColumn, TweetCountColumn, ListedColumn }) column.EnsureCapacity(rows);
        EntitiesColumn.EnsureCapacity(rows);
    }

    /// <summary>
    /// Takes over every field but the ids of <paramref name="from"/>, whose rows are all this table's rows (their ids
    /// already added to <see cref="Ids"/>, in order, none of the fields yet): the columns change places instead of
    /// being copied, and <paramref name="from"/> is left with this table's empty ones.
    /// </summary>
    internal void TakeFieldsOf(UserTable from)
    {
        if (CreatedAtColumn.Count != 0 || Name.Count != 0 || from.CreatedAtColumn.Count != Count)
            throw new InvalidOperationException("Only an empty table takes over another's fields, all its rows at once.");
        Name.SwapWith(from.Name);
        Username.SwapWith(from.Username);
        Description.SwapWith(from.Description);
        Location.SwapWith(from.Location);
        Url.SwapWith(from.Url);
        ProfileImageUrl.SwapWith(from.ProfileImageUrl);
        (CreatedAtColumn, from.CreatedAtColumn) = (from.CreatedAtColumn, CreatedAtColumn);
        (VerifiedColumn, from.VerifiedColumn) = (from.VerifiedColumn, VerifiedColumn);
        (ProtectedColumn, from.ProtectedColumn) = (from.ProtectedColumn, ProtectedColumn);
        (FollowersColumn, from.FollowersColumn) = (from.FollowersColumn, FollowersColumn);
        (FollowingColumn, from.FollowingColumn) = (from.FollowingColumn, FollowingColumn);
        (TweetCountColumn, from.TweetCountColumn) = (from.TweetCountColumn, TweetCountColumn);
        (ListedColumn, from.ListedColumn) = (from.ListedColumn, ListedColumn);
        (PinnedColumn, from.PinnedColumn) = (from.PinnedColumn, PinnedColumn);
        (EntitiesColumn, from.EntitiesColumn) = (from.EntitiesColumn, EntitiesColumn);
    }

    /// <summary>
    /// Appends the fields (all but the ids, already added to <see cref="Ids"/>) of <paramref name="from"/>'s rows
    /// <paramref name="start"/> … <paramref name="start"/> + <paramref name="count"/> − 1, column by column.
    /// </summary>
    internal void AppendRowsOf(UserTable from, int start, int count)
    {
        Name.AddRangeFrom(from.Name, start, count);
        Username.AddRangeFrom(from.Username, start, count);
        Description.AddRangeFrom(from.Description, start, count);
        Location.AddRangeFrom(from.Location, start, count);
        Url.AddRangeFrom(from.Url, start, count);
        ProfileImageUrl.AddRangeFrom(from.ProfileImageUrl, start, count);
        CreatedAtColumn.AddRange(from.CreatedAt.Slice(start, count));
        VerifiedColumn.AddRange(from.Verified.Slice(start, count));
        ProtectedColumn.AddRange(from.Protected.Slice(start, count));
        FollowersColumn.AddRange(from.FollowersCount.Slice(start, count));
        FollowingColumn.AddRange(from.FollowingCount.Slice(start, count));
        TweetCountColumn.AddRange(from.TweetCount.Slice(start, count));
        ListedColumn.AddRange(from.ListedCount.Slice(start, count));
        PinnedColumn.AddRange(from.PinnedTweetId.Slice(start, count));
        EntitiesColumn.AddRange(from.Entities.Slice(start, count));
    }

    /// <summary>The row of user <paramref name="id"/> (digits), or −1.</summary>
    public int IndexOf(long id) => Ids.IndexOf(id);

    private static int? Count32(int value) => value == MissingCount ? null : value;
}
