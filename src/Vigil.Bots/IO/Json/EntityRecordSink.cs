using Vigil.Bots.Data;
using Vigil.Bots.Data.Columns;
using Vigil.Bots.Validation;

namespace Vigil.Bots.IO.Json;

/// <summary>
/// Puts each parsed record into the dataset table of its kind; a record whose id is already there is reported as a
/// duplicate and skipped (the first one stays).
/// </summary>
internal sealed class EntityRecordSink
{
    private readonly BotDataset _dataset;
    private readonly string _file;
    private readonly ProblemSink _problems;
    private readonly List<long>? _idOffsets;

    /// <param name="idOffsets">
    /// When given (a parallel reader's per-file part, whose tables are not indexed): receives each added row's id
    /// offset, so that the merge can report a repeat where a sequential read would.
    /// </param>
    public EntityRecordSink(BotDataset dataset, string file, ProblemSink problems, List<long>? idOffsets = null)
    {
        _dataset = dataset;
        _file = file;
        _problems = problems;
        _idOffsets = idOffsets;
    }

    /// <summary>
    /// Called as soon as a record's id is parsed: starts loading the id map's slot for it into the cache, so that the
    /// insert at the record's end (tens of tokens later) does not wait on memory.
    /// </summary>
    public void Prefetch(EntityKind kind, long id) => Ids(kind).Prefetch(id);

    public void Add(RawRecord record)
    {
        var ids = Ids(record.Kind);
        if (!ids.TryAdd(record.Id, out int existing))
        {
            _problems.Add(DataProblem.DuplicateId, DataPosition.AtOffset(_file, record.IdOffset), DuplicateMessage(record.Kind, record.Id, existing));
            return;
        }
        if (_idOffsets is not null)
        {
            _idOffsets.Add(record.IdOffset);
            if (_idOffsets.Count == RowsBeforeSizing) SizeFromFirstRows?.Invoke(record.Kind, record.StartOffset);
        }
        switch (record.Kind)
        {
            case EntityKind.User: AddUser(_dataset.Users, record); break;
            case EntityKind.Tweet: AddTweet(_dataset.Tweets, record); break;
            case EntityKind.List: AddList(_dataset.Lists, record); break;
            default: AddText(_dataset.Hashtags.TagName, record, JsonField.TagName); break;
        }
    }

    /// <summary>
    /// A parallel reader's part: called once, when <see cref="RowsBeforeSizing"/> rows are in, with the byte offset of
    /// the last one's start, so that the part's table can be sized for the whole file instead of doubling as it fills.
    /// </summary>
    public Action<EntityKind, long>? SizeFromFirstRows { get; init; }

    public const int RowsBeforeSizing = 4096;

    public static string DuplicateMessage(EntityKind kind, long id, int existingRow) =>
        $"{TwiBotId.Format(kind, id)} appears again (it is already {kind.NodeType()} row {existingRow}); the repeat is skipped";

    private IdIndex Ids(EntityKind kind) => kind switch
    {
        EntityKind.User => _dataset.Users.Ids,
        EntityKind.Tweet => _dataset.Tweets.Ids,
        EntityKind.List => _dataset.Lists.Ids,
        _ => _dataset.Hashtags.Ids,
    };

    private static void AddUser(UserTable users, RawRecord r)
    {
        AddText(users.Name, r, JsonField.Name);
        AddText(users.Username, r, JsonField.Username);
        AddText(users.Description, r, JsonField.Description);
        AddText(users.Location, r, JsonField.Location);
        AddText(users.Url, r, JsonField.Url);
        AddText(users.ProfileImageUrl, r, JsonField.ProfileImageUrl);
        users.CreatedAtColumn.Add(ValueOr(r, JsonField.CreatedAt, TwiBotTime.Missing));
        users.VerifiedColumn.Add(ValueOr(r, JsonField.Verified, 0) != 0);
        users.ProtectedColumn.Add(ValueOr(r, JsonField.Protected, 0) != 0);
        users.FollowersColumn.Add((int)ValueOr(r, JsonField.FollowersCount, UserTable.MissingCount));
        users.FollowingColumn.Add((int)ValueOr(r, JsonField.FollowingCount, UserTable.MissingCount));
        users.TweetCountColumn.Add((int)ValueOr(r, JsonField.TweetCount, UserTable.MissingCount));
        users.ListedColumn.Add((int)ValueOr(r, JsonField.ListedCount, UserTable.MissingCount));
        users.PinnedColumn.Add(ValueOr(r, JsonField.PinnedTweetId, UserTable.NoPinnedTweet));
        var e = r.UserEntities;
        users.EntitiesColumn.Add(new UserEntityCounts(e[0], e[1], e[2], e[3], e[4]));
    }

    private static void AddTweet(TweetTable tweets, RawRecord r)
    {
        if (tweets.HasText) AddText(tweets.Text, r, JsonField.Text);
        if (r.TryGetText(JsonField.Lang, out var lang)) tweets.Lang.Add(lang); else tweets.Lang.AddNull();
        if (r.TryGetText(JsonField.Source, out var source)) tweets.Source.Add(source); else tweets.Source.AddNull();
        tweets.AuthorColumn.Add(ValueOr(r, JsonField.AuthorId, TweetTable.UnknownAuthor));
        tweets.CreatedAtColumn.Add(ValueOr(r, JsonField.CreatedAt, TwiBotTime.Missing));
        tweets.RetweetColumn.Add((int)ValueOr(r, JsonField.RetweetCount, TweetTable.MissingCount));
        tweets.ReplyColumn.Add((int)ValueOr(r, JsonField.ReplyCount, TweetTable.MissingCount));
        tweets.LikeColumn.Add((int)ValueOr(r, JsonField.LikeCount, TweetTable.MissingCount));
        tweets.QuoteColumn.Add((int)ValueOr(r, JsonField.QuoteCount, TweetTable.MissingCount));
        tweets.ReferenceColumn.AddRange(r.References);
        tweets.ReferenceStartColumn.Add(tweets.ReferenceColumn.Count);
        tweets.HashtagColumn.Add(r.TweetHashtags);
        tweets.MentionColumn.Add(r.TweetMentions);
        tweets.UrlColumn.Add(r.TweetUrls);
        tweets.SensitiveColumn.Add(ValueOr(r, JsonField.PossiblySensitive, 0) != 0);
    }

    private static void AddList(ListTable lists, RawRecord r)
    {
        AddText(lists.Name, r, JsonField.Name);
        AddText(lists.Description, r, JsonField.Description);
        lists.CreatedAtColumn.Add(ValueOr(r, JsonField.CreatedAt, TwiBotTime.Missing));
        lists.PrivateColumn.Add(ValueOr(r, JsonField.Private, 0) != 0);
        lists.FollowerColumn.Add((int)ValueOr(r, JsonField.FollowerCount, ListTable.MissingCount));
        lists.MemberColumn.Add((int)ValueOr(r, JsonField.MemberCount, ListTable.MissingCount));
    }

    private static void AddText(Utf8TextColumn column, RawRecord r, JsonField field)
    {
        if (r.TryGetText(field, out var utf8)) column.Add(utf8);
        else column.AddNull();
    }

    private static long ValueOr(RawRecord r, JsonField field, long missing) => r.Has(field) ? r.Value(field) : missing;
}
