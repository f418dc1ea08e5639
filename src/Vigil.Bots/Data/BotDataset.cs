using Vigil.Bots.Validation;
using Vigil.Graphs.Data.Hetero;

namespace Vigil.Bots.Data;

/// <summary>
/// A bot-detection dataset in TwiBot form: users, tweets, lists and hashtags (each a column table), a label and a
/// split per user, and the edges of each relation in the paper's direction. <see cref="ToHeteroGraph"/> gives the
/// graph view (node types user/tweet/list/hashtag); <see cref="Report"/> lists what the reader skipped and why.
/// </summary>
public sealed class BotDataset
{
    private BotLabel[] _labels = Array.Empty<BotLabel>();
    private DataSplit[] _splits = Array.Empty<DataSplit>();
    private readonly EdgeList?[] _edges = new EdgeList?[BotRelations.All.Count];

    public BotDataset(string name, DatasetLayout layout = DatasetLayout.TwiBot22, bool tweetText = true)
        : this(name, layout, tweetText, indexed: true) { }

    /// <param name="indexed">False for a parallel reader's per-file part: its tables only append ids, repeats included.</param>
    internal BotDataset(string name, DatasetLayout layout, bool tweetText, bool indexed)
    {
        Name = name;
        Layout = layout;
        Users = new UserTable(indexed);
        Tweets = new TweetTable(tweetText, indexed);
        Lists = new ListTable(indexed);
        Hashtags = new HashtagTable(indexed);
    }

    public string Name { get; }
    public DatasetLayout Layout { get; }
    public UserTable Users { get; }
    public TweetTable Tweets { get; }
    public ListTable Lists { get; }
    public HashtagTable Hashtags { get; }

    /// <summary>Problems met while reading (empty for a dataset built in code).</summary>
    public ValidationReport Report { get; internal set; } = new();

    /// <summary>One label per user row (<see cref="BotLabel.Unknown"/> without a label).</summary>
    public ReadOnlySpan<BotLabel> Labels => UserColumn(ref _labels, BotLabel.Unknown);

    /// <summary>One split per user row (<see cref="DataSplit.None"/> without one).</summary>
    public ReadOnlySpan<DataSplit> Splits => UserColumn(ref _splits, DataSplit.None);

    public void SetLabel(int userRow, BotLabel label)
    {
        CheckUserRow(userRow);
        UserColumn(ref _labels, BotLabel.Unknown);
        _labels[userRow] = label;
    }

    public void SetSplit(int userRow, DataSplit split)
    {
        CheckUserRow(userRow);
        UserColumn(ref _splits, DataSplit.None);
        _splits[userRow] = split;
    }

    /// <summary>The edges of a relation (an empty list when it has none).</summary>
    public EdgeList Edges(BotRelation relation) => _edges[(int)relation] ??= new EdgeList(relation);

    /// <summary>The relations that have at least one edge, in <see cref="BotRelation"/> order.</summary>
    public IEnumerable<EdgeList> EdgeLists => _edges.Where(e => e is { Count: > 0 }).Select(e => e!);

    public long EdgeCount => _edges.Sum(e => (long)(e?.Count ?? 0));

    public int EntityCount(EntityKind kind) => kind switch
    {
        EntityKind.User => Users.Count,
        EntityKind.Tweet => Tweets.Count,
        EntityKind.List => Lists.Count,
        EntityKind.Hashtag => Hashtags.Count,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an entity kind."),
    };

    /// <summary>The row of an entity given its kind and id digits, or −1.</summary>
    public int IndexOf(EntityKind kind, long id) => kind switch
    {
        EntityKind.User => Users.Ids.IndexOf(id),
        EntityKind.Tweet => Tweets.Ids.IndexOf(id),
        EntityKind.List => Lists.Ids.IndexOf(id),
        EntityKind.Hashtag => Hashtags.Ids.IndexOf(id),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an entity kind."),
    };

    /// <summary>Hints the processor to fetch the id-map slot of an entity about to be looked up.</summary>
    internal void Prefetch(EntityKind kind, long id)
    {
        switch (kind)
        {
            case EntityKind.User: Users.Ids.Prefetch(id); break;
            case EntityKind.Tweet: Tweets.Ids.Prefetch(id); break;
            case EntityKind.List: Lists.Ids.Prefetch(id); break;
            default: Hashtags.Ids.Prefetch(id); break;
        }
    }

    /// <summary>
    /// The heterogeneous graph: node types user, tweet, list, hashtag (numbered as the table rows); one relation per
    /// <see cref="BotRelation"/> with edges (or each of <paramref name="relations"/>), in the paper's direction, repeats
    /// merged; labels and train/valid/test masks on the users. Nodes carry no features yet.
    /// </summary>
    public HeteroGraph ToHeteroGraph(IEnumerable<BotRelation>? relations = null)
    {
        var graph = new HeteroGraph(Name);
        foreach (var kind in EntityKinds.All) graph.AddNodeType(kind.NodeType(), EntityCount(kind));
        var chosen = relations?.Distinct().ToList() ?? EdgeLists.Select(e => e.Relation).ToList();
        foreach (var relation in chosen)
        {
            var edges = Edges(relation);
            graph.AddRelation(relation.SourceKind().NodeType(), relation.Name(), relation.TargetKind().NodeType(), edges.Sources, edges.Targets);
        }
        var labels = Labels;
        var splits = Splits;
        int n = Users.Count;
        var classes = new int[n];
        var (train, valid, test) = (new bool[n], new bool[n], new bool[n]);
        for (int i = 0; i < n; i++)
        {
            classes[i] = (int)labels[i];
            train[i] = splits[i] == DataSplit.Train;
            valid[i] = splits[i] == DataSplit.Valid;
            test[i] = splits[i] == DataSplit.Test;
        }
        graph.SetLabels(EntityKind.User.NodeType(), new NodeLabels(classes, 2, train, valid, test));
        return graph;
    }

    /// <summary>Gives tweets without an author the user of their <c>post</c> edge (older sets name authors only there).</summary>
    internal void FillAuthorsFromPosts()
    {
        var posts = _edges[(int)BotRelation.Post];
        if (posts is null) return;
        var sources = posts.Sources;
        var targets = posts.Targets;
        var authors = Tweets.AuthorId;
        for (int e = 0; e < posts.Count; e++)
        {
            if (authors[targets[e]] == TweetTable.UnknownAuthor) Tweets.SetAuthor(targets[e], Users.Ids[sources[e]]);
        }
    }

    private void CheckUserRow(int userRow)
    {
        if ((uint)userRow >= (uint)Users.Count)
            throw new ArgumentOutOfRangeException(nameof(userRow), $"User row {userRow} is not in 0…{Users.Count - 1}.");
    }

    // Labels and splits arrive after the users, so their columns grow to the user count on demand.
    private Span<T> UserColumn<T>(ref T[] column, T fill)
    {
        int old = column.Length;
        if (old < Users.Count)
        {
            Array.Resize(ref column, Math.Max(Users.Count, old * 2));
            column.AsSpan(old).Fill(fill);
        }
        return column.AsSpan(0, Users.Count);
    }
}
