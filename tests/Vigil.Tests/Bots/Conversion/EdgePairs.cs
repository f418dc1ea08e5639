using Vigil.Bots.Data;

namespace Vigil.Tests.Bots.Conversion;

/// <summary>A user–user relation's edges as (source id, target id) pairs in edge order, for comparing with hand-worked expectations.</summary>
internal static class EdgePairs
{
    public static (long, long)[] Of(BotDataset d, BotRelation relation)
    {
        var e = d.Edges(relation);
        return Enumerable.Range(0, e.Count).Select(i => (d.Users.Ids[e.Sources[i]], d.Users.Ids[e.Targets[i]])).ToArray();
    }
}
