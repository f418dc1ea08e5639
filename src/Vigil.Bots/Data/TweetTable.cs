using System.Runtime.InteropServices;
using Vigil.Bots.Data.Columns;

namespace Vigil.Bots.Data;

/// <summary>
/// The tweets, stored by column because TwiBot-22 has about 88 million: numbers in arrays, texts in one UTF-8 pool,
/// language and client as codes. Texts are optional (<see cref="HasText"/>): graph baselines never read them.
/// Referenced tweets are a CSR list: row i's are entries <c>ReferenceStart[i] … ReferenceStart[i+1]−1</c>.
/// </summary>
public sealed class TweetTable
{
    public const int MissingCount = -1;
    public const long UnknownAuthor = -1;

    internal readonly List<long> AuthorColumn = new();
    internal readonly List<long> CreatedAtColumn = new();
    internal readonly List<int> RetweetColumn = new();
    internal readonly List<int> ReplyColumn = new();
    internal readonly List<int> LikeColumn = new();
    internal readonly List<int> QuoteColumn = new();
    internal readonly List<int> ReferenceStartColumn = new() { 0 };
    internal readonly List<ReferencedTweet> ReferenceColumn = new();
    internal readonly List<int> HashtagColumn = new();
    internal readonly List<int> MentionColumn = new();
    internal readonly List<int> UrlColumn = new();
    internal readonly List<bool> SensitiveColumn = new();

    public TweetTable(bool hasText = true) : this(hasText, indexed: true) { }

    /// <param name="indexed">False for a parallel reader's per-file part (see <see cref="IdIndex"/>).</param>
    internal TweetTable(bool hasText, bool indexed)
    {
        HasText = hasText;
        Ids = new IdIndex(EntityKind.Tweet, indexed);
    }

    /// <summary>False when the reader was told to skip tweet texts; <see cref="Text"/> is then empty.</summary>
    public bool HasText { get; }

    public IdIndex Ids { get; }
    public Utf8TextColumn Text { get; } = new();
    public CategoryColumn Lang { get; } = new();
    public CategoryColumn Source { get; } = new();

    public int Count => Ids.Count;

    /// <summary>The author's user id digits, or <see cref="UnknownAuthor"/>.</summary>
    public ReadOnlySpan<long> AuthorId => CollectionsMarshal.AsSpan(AuthorColumn);
    public ReadOnlySpan<long> CreatedAt => CollectionsMarshal.AsSpan(CreatedAtColumn);
    public ReadOnlySpan<int> RetweetCount => CollectionsMarshal.AsSpan(RetweetColumn);
    public ReadOnlySpan<int> ReplyCount => CollectionsMarshal.AsSpan(ReplyColumn);
    public ReadOnlySpan<int> LikeCount => CollectionsMarshal.AsSpan(LikeColumn);
    public ReadOnlySpan<int> QuoteCount => CollectionsMarshal.AsSpan(QuoteColumn);
    public ReadOnlySpan<int> ReferenceStart => CollectionsMarshal.AsSpan(ReferenceStartColumn);
    public ReadOnlySpan<ReferencedTweet> References => CollectionsMarshal.AsSpan(ReferenceColumn);
    public ReadOnlySpan<int> HashtagCount => CollectionsMarshal.AsSpan(HashtagColumn);
    public ReadOnlySpan<int> MentionCount => CollectionsMarshal.AsSpan(MentionColumn);
    public ReadOnlySpan<int> UrlCount => CollectionsMarshal.AsSpan(UrlColumn);
    public ReadOnlySpan<bool> PossiblySensitive => CollectionsMarshal.AsSpan(SensitiveColumn);

    public ReadOnlySpan<ReferencedTweet> ReferencesOf(int row) =>
        References[ReferenceStartColumn[row]..ReferenceStartColumn[row + 1]];

    /// <summary>Appends a tweet and returns its row; a tweet id already present is an error.</summary>
    public int Add(TweetRow tweet)
    {
        if (tweet.Id < 0) throw new ArgumentException($"Tweet id {tweet.Id} is negative; ids are Twitter's non-negative digits.", nameof(tweet));
        if (!Ids.TryAdd(tweet.Id, out int existing))
            throw new ArgumentException($"Tweet t{tweet.Id} is already row {existing}.", nameof(tweet));
        if (HasText) Text.Add(tweet.Text);
        Lang.Add(tweet.Lang);
        Source.Add(tweet.Source);
        AuthorColumn.Add(tweet.AuthorId ?? UnknownAuthor);
        CreatedAtColumn.Add(TwiBotTime.FromDateTime(tweet.CreatedAt));
        RetweetColumn.Add(tweet.RetweetCount ?? MissingCount);
        ReplyColumn.Add(tweet.ReplyCount ?? MissingCount);
        LikeColumn.Add(tweet.LikeCount ?? MissingCount);
        QuoteColumn.Add(tweet.QuoteCount ?? MissingCount);
        ReferenceColumn.AddRange(tweet.ReferencedTweets);
        ReferenceStartColumn.Add(ReferenceColumn.Count);
        HashtagColumn.Add(tweet.HashtagCount);
        MentionColumn.Add(tweet.MentionCount);
        UrlColumn.Add(tweet.UrlCount);
        SensitiveColumn.Add(tweet.PossiblySensitive);
        return Count - 1;
    }

    public TweetRow this[int row] => new(Ids[row])
    {
        AuthorId = AuthorId[row] == UnknownAuthor ? null : AuthorId[row],
        Text = HasText ? Text.GetString(row) : null,
        CreatedAt = TwiBotTime.ToDateTime(CreatedAt[row]),
        Lang = Lang[row],
        RetweetCount = Count32(RetweetCount[row]),
        ReplyCount = Count32(ReplyCount[row]),
        LikeCount = Count32(LikeCount[row]),
        QuoteCount = Count32(QuoteCount[row]),
        ReferencedTweets = ReferencesOf(row).ToArray(),
        HashtagCount = HashtagCount[row],
        MentionCount = MentionCount[row],
        UrlCount = UrlCount[row],
        Source = Source[row],
        PossiblySensitive = PossiblySensitive[row],
    };

    public int IndexOf(long id) => Ids.IndexOf(id);

    /// <summary>
    /// Makes room for <paramref name="rows"/> tweets in all, so that reading tens of millions does not regrow (and copy)
    /// every column several times, nor hold old and new arrays at once.
    /// </summary>
    internal void Reserve(int rows)
    {
        if (rows <= Count) return;
        Ids.Reserve(rows);
        if (HasText) Text.Reserve(rows);
        Lang.Reserve(rows);
        Source.Reserve(rows);
        foreach (var column in new[] { AuthorColumn, CreatedAtColumn }) column.EnsureCapacity(rows);
        foreach (var column in new[] { RetweetColumn, ReplyColumn, LikeColumn, QuoteColumn, HashtagColumn, MentionColumn, UrlColumn }) column.EnsureCapacity(rows);
        ReferenceStartColumn.EnsureCapacity(rows + 1);
        SensitiveColumn.EnsureCapacity(rows);
    }

    /// <summary>
    /// Removes every tweet of a parallel reader's part, keeping the columns' capacity and text chunks, so that the part
    /// is filled from the next file without allocating (and the kernel zeroing) its memory again.
    /// </summary>
    internal void Clear()
    {
        Ids.Clear();
        Text.Clear();
        Lang.Clear();
        Source.Clear();
        foreach (var column in new[] { AuthorColumn, CreatedAtColumn }) column.Clear();
        foreach (var column in new[] { RetweetColumn, ReplyColumn, LikeColumn, QuoteColumn, HashtagColumn, MentionColumn, UrlColumn }) column.Clear();
        ReferenceColumn.Clear();
        ReferenceStartColumn.Clear();
        ReferenceStartColumn.Add(0);
        SensitiveColumn.Clear();
    }

    /// <summary>
    /// Appends the fields (all but the ids, already added to <see cref="Ids"/>) of <paramref name="from"/>'s rows
    /// <paramref name="start"/> … <paramref name="start"/> + <paramref name="count"/> − 1, column by column;
    /// <paramref name="langCodes"/> and <paramref name="sourceCodes"/> carry the category codes of
    /// <paramref name="from"/> over to this table (see <see cref="CategoryColumn.AddFrom"/>).
    /// </summary>
    internal void AppendRowsOf(TweetTable from, int start, int count, int[] langCodes, int[] sourceCodes)
    {
        if (HasText) Text.AddRangeFrom(from.Text, start, count);
        Lang.AddRangeFrom(from.Lang, start, count, langCodes);
        Source.AddRangeFrom(from.Source, start, count, sourceCodes);
        AuthorColumn.AddRange(from.AuthorId.Slice(start, count));
        CreatedAtColumn.AddRange(from.CreatedAt.Slice(start, count));
        RetweetColumn.AddRange(from.RetweetCount.Slice(start, count));
        ReplyColumn.AddRange(from.ReplyCount.Slice(start, count));
        LikeColumn.AddRange(from.LikeCount.Slice(start, count));
        QuoteColumn.AddRange(from.QuoteCount.Slice(start, count));
        // The reference lists of the rows are consecutive in from: one block, with their start offsets shifted.
        var starts = from.ReferenceStart.Slice(start, count + 1);
        int shift = ReferenceColumn.Count - starts[0];
        ReferenceColumn.AddRange(from.References[starts[0]..starts[^1]]);
        ReferenceStartColumn.EnsureCapacity(ReferenceStartColumn.Count + count);
        for (int r = 1; r < starts.Length; r++) ReferenceStartColumn.Add(starts[r] + shift);
        HashtagColumn.AddRange(from.HashtagCount.Slice(start, count));
        MentionColumn.AddRange(from.MentionCount.Slice(start, count));
        UrlColumn.AddRange(from.UrlCount.Slice(start, count));
        SensitiveColumn.AddRange(from.PossiblySensitive.Slice(start, count));
    }

    /// <summary>Sets the author of a tweet whose file did not name one (older sets give it by <c>post</c> edges only).</summary>
    internal void SetAuthor(int row, long authorId) => AuthorColumn[row] = authorId;

    private static int? Count32(int value) => value == MissingCount ? null : value;
}
