using Vigil.Bots.Benchmark;
using Vigil.Bots.Features;
using Vigil.Core.Text;
using Vigil.Graphs.Data;
using Vigil.Graphs.Nn;

namespace Vigil.Bots.Baselines.Graph;

/// <summary>
/// What the neural baselines of one dataset share, built once per sweep: the BotRGCN feature blocks (with the fast
/// hashed text encoder, so a CPU-only sweep stays minutes long), the follow relations as a multi-relational message
/// graph, their symmetric union for single-relation models, and every user's 0/1 label.
/// </summary>
public sealed class UserGraphInputs
{
    private UserGraphInputs(BotFeatureSet features, MessageGraph relational, MessageGraph union, int[] labels)
    {
        Features = features; Relational = relational; Union = union; Labels = labels;
    }

    public BotFeatureSet Features { get; }
    /// <summary>One relation per follow relation the dataset has (followers, following), in the paper's direction.</summary>
    public MessageGraph Relational { get; }
    /// <summary>All follow edges, both directions, as one simple graph (GCN, GAT).</summary>
    public MessageGraph Union { get; }
    /// <summary>Per user row: 1 for a bot, 0 otherwise (unlabelled users are in no split, so never trained on).</summary>
    public int[] Labels { get; }

    /// <summary>The task's shared inputs (computed on first use, then cached on the task).</summary>
    public static UserGraphInputs Of(BotDetectionTask task) => task.Cache(Build);

    private static UserGraphInputs Build(BotDetectionTask task)
    {
        using var encoder = TextEncoders.Create(TextEncoders.Hashed);
        var features = BotFeatureExtractor.Extract(task.Dataset, encoder);
        int users = features.UserCount;
        var relations = features.Graph.RelationsWithin(BotFeatureSet.UserNodeType).Select(r => r.Adjacency).ToList();
        var empty = new Vigil.Core.Sparse.CsrMatrix(users, users, new int[users + 1], []);
        var relational = relations.Count > 0 ? MessageGraph.FromRelations(relations) : new MessageGraph(empty);
        var union = relations.Count > 0
            ? new MessageGraph(features.ToHeteroGraph().ToGraph(BotFeatureSet.UserNodeType, symmetrize: true).Adjacency)
            : new MessageGraph(empty);
        var labels = task.IsBot.Select(b => b ? 1 : 0).ToArray();
        return new UserGraphInputs(features, relational, union, labels);
    }

    /// <summary>The chosen feature blocks side by side, with their widths (the branches of a branched input).</summary>
    public (FeatureMatrix Matrix, int[] Widths) Blocks(UserFeatureBlocks blocks)
    {
        var chosen = new List<FeatureMatrix>();
        if (blocks.HasFlag(UserFeatureBlocks.Numeric)) chosen.Add(Features.Numeric);
        if (blocks.HasFlag(UserFeatureBlocks.Categorical)) chosen.Add(Features.Categorical);
        if (blocks.HasFlag(UserFeatureBlocks.Description)) chosen.Add(Features.Description);
        if (blocks.HasFlag(UserFeatureBlocks.Tweets)) chosen.Add(Features.Tweets);
        if (chosen.Count == 0) throw new ArgumentException("Choose at least one feature block.");
        return (FeatureMatrix.ConcatColumns(chosen), chosen.Select(b => b.Cols).ToArray());
    }
}

/// <summary>The BotRGCN feature blocks a neural baseline reads.</summary>
[Flags]
public enum UserFeatureBlocks
{
    Numeric = 1,
    Categorical = 2,
    Description = 4,
    Tweets = 8,
    Profile = Numeric | Categorical,
    Text = Description | Tweets,
    All = Profile | Text,
}
