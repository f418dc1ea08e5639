using Vigil.Bots.Data;
using Vigil.Graphs.Data;
using Vigil.Graphs.Data.Hetero;

namespace Vigil.Bots.Features;

/// <summary>
/// The common input of the graph baselines (GCN, GAT, BotRGCN, RGT), following BotRGCN: per user four feature
/// blocks — <see cref="Numeric"/> (z-scored, <see cref="NumericFeatures.Names"/>), <see cref="Categorical"/> (0/1,
/// <see cref="CategoricalFeatures.Names"/>), <see cref="Description"/> and <see cref="Tweets"/> (text embeddings) —
/// the user–user follow graph (<see cref="Graph"/>: node type "user", one relation per follow relation the dataset
/// has, e.g. followers and following, in the paper's direction, with labels and split masks), and the labels
/// (bot = 1, human = 0, unknown = −1) and masks as arrays.
/// </summary>
public sealed class BotFeatureSet
{
    public const string UserNodeType = "user";

    internal BotFeatureSet(FeatureMatrix numeric, FeatureMatrix categorical, FeatureMatrix description, FeatureMatrix tweets,
        HeteroGraph graph, string encoderName, UInt128 key, bool fromCache, int selectedTweets)
    {
        SelectedTweets = selectedTweets;
        Numeric = numeric;
        Categorical = categorical;
        Description = description;
        Tweets = tweets;
        Graph = graph;
        EncoderName = encoderName;
        Key = key;
        FromCache = fromCache;
    }

    public int UserCount => Numeric.Rows;
    public FeatureMatrix Numeric { get; }
    public FeatureMatrix Categorical { get; }
    public FeatureMatrix Description { get; }
    public FeatureMatrix Tweets { get; }

    /// <summary>Users and their follow relations (no node features: <see cref="Concatenated"/> or <see cref="ToHeteroGraph"/> add them).</summary>
    public HeteroGraph Graph { get; }

    /// <summary>True when the dataset has user–user edges, the protocol's condition for running graph baselines.</summary>
    public bool HasFollowGraph => Graph.Relations.Count > 0;

    public NodeLabels Labels => Graph.LabelsOf(UserNodeType);

    public string EncoderName { get; }

    /// <summary>Tweets whose embeddings were averaged into <see cref="Tweets"/> (at most the tweet limit per user).</summary>
    public int SelectedTweets { get; }

    /// <summary>The cache key (<see cref="BotFeatureKey"/>): equal keys mean equal features.</summary>
    public UInt128 Key { get; }

    /// <summary>True when the blocks were read from the cache rather than computed.</summary>
    public bool FromCache { get; }

    /// <summary>The four blocks side by side, [users, numeric + categorical + description + tweet dims], for single-input models (GCN, GAT).</summary>
    public FeatureMatrix Concatenated() => FeatureMatrix.ConcatColumns([Numeric, Categorical, Description, Tweets]);

    /// <summary>A new graph like <see cref="Graph"/> whose users carry <see cref="Concatenated"/> features (so <c>ToGraph("user")</c> works).</summary>
    public HeteroGraph ToHeteroGraph()
    {
        var graph = new HeteroGraph(Graph.Name);
        graph.AddNodeType(UserNodeType, UserCount, Concatenated());
        foreach (var r in Graph.Relations) graph.AddRelation(r.Type.Source, r.Type.Relation, r.Type.Target, r.Adjacency);
        graph.SetLabels(UserNodeType, Labels);
        return graph;
    }

    /// <summary>The user–user follow graph of a dataset (<see cref="BotDataset.ToHeteroGraph"/> limited to the follow relations that have edges), with labels and split masks.</summary>
    public static HeteroGraph FollowGraph(BotDataset dataset) =>
        dataset.ToHeteroGraph(BotRelations.UserFollow.Where(r => dataset.Edges(r).Count > 0));
}
