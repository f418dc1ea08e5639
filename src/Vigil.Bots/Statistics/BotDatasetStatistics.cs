using Vigil.Bots.Data;

namespace Vigil.Bots.Statistics;

/// <summary>Counts per split of each label.</summary>
public sealed record LabelCounts(int Human, int Bot, int Unlabelled)
{
    public int Total => Human + Bot + Unlabelled;
    /// <summary>Bots among the labelled users (NaN when none is labelled).</summary>
    public double BotFraction => Human + Bot == 0 ? double.NaN : (double)Bot / (Human + Bot);
}

/// <summary>
/// What <c>vigil bots stats</c> reports: entity and relation counts, label balance overall and per split, and the
/// degree distribution of the user–user follow graph (the union of followers/following/follow/friend edges, each edge
/// counted once at each end: out = accounts a user's edges point to, in = edges pointing at it, total = both).
/// </summary>
public sealed record BotDatasetStatistics(
    string Name,
    DatasetLayout Layout,
    IReadOnlyDictionary<string, int> Entities,
    IReadOnlyDictionary<string, int> Relations,
    LabelCounts Labels,
    IReadOnlyDictionary<string, LabelCounts> Splits,
    long FollowEdges,
    DegreeSummary FollowOutDegree,
    DegreeSummary FollowInDegree,
    DegreeSummary FollowDegree)
{
    public static BotDatasetStatistics Compute(BotDataset dataset)
    {
        var entities = EntityKinds.All.ToDictionary(k => k.NodeType(), dataset.EntityCount);
        var relations = dataset.EdgeLists.ToDictionary(e => e.Relation.Name(), e => e.Count);

        int n = dataset.Users.Count;
        var labels = dataset.Labels;
        var splits = dataset.Splits;
        var bySplit = new Dictionary<string, LabelCounts>();
        foreach (var split in Enum.GetValues<DataSplit>())
        {
            var counts = CountLabels(labels, splits, split);
            if (counts.Total > 0) bySplit[split == DataSplit.None ? "none" : split.ToString().ToLowerInvariant()] = counts;
        }

        var outDegree = new int[n];
        var inDegree = new int[n];
        long followEdges = 0;
        foreach (var relation in BotRelations.UserFollow)
        {
            var edges = dataset.Edges(relation);
            var sources = edges.Sources;
            var targets = edges.Targets;
            for (int e = 0; e < edges.Count; e++)
            {
                outDegree[sources[e]]++;
                inDegree[targets[e]]++;
            }
            followEdges += edges.Count;
        }
        var total = new int[n];
        for (int i = 0; i < n; i++) total[i] = outDegree[i] + inDegree[i];

        return new BotDatasetStatistics(dataset.Name, dataset.Layout, entities, relations, CountLabels(labels, splits, null), bySplit,
            followEdges, DegreeSummary.Of(outDegree), DegreeSummary.Of(inDegree), DegreeSummary.Of(total));
    }

    private static LabelCounts CountLabels(ReadOnlySpan<BotLabel> labels, ReadOnlySpan<DataSplit> splits, DataSplit? only)
    {
        int human = 0, bot = 0, none = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            if (only is { } s && splits[i] != s) continue;
            switch (labels[i])
            {
                case BotLabel.Human: human++; break;
                case BotLabel.Bot: bot++; break;
                default: none++; break;
            }
        }
        return new LabelCounts(human, bot, none);
    }
}
