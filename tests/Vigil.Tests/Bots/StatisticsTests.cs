using Vigil.Bots.IO;
using Vigil.Bots.Statistics;

namespace Vigil.Tests.Bots;

public class StatisticsTests
{
    [Fact]
    public void DegreeSummaryMatchesHandComputedValues()
    {
        var s = DegreeSummary.Of(Enumerable.Range(1, 100).Reverse().ToArray());
        Assert.Equal(new DegreeSummary(100, 1, 50.5, 50.5, 99, 100), s);
        Assert.Equal(new DegreeSummary(3, 0, 2, 3, 7, 7), DegreeSummary.Of(new[] { 7, 0, 2 }));
    }

    [Fact]
    public void TheHandMadeFolderHasTheCountedEntitiesLabelsAndFollowDegrees()
    {
        using var folder = HandMadeTwiBot22.Create();
        var s = BotDatasetStatistics.Compute(TwiBotReader.Read(folder.Path));

        Assert.Equal(new Dictionary<string, int> { ["user"] = 4, ["tweet"] = 4, ["list"] = 2, ["hashtag"] = 2 }, s.Entities);
        Assert.Equal(14, s.Relations.Count);
        Assert.Equal(4, s.Relations["post"]);
        Assert.Equal(new LabelCounts(2, 2, 0), s.Labels);
        Assert.Equal(new LabelCounts(1, 1, 0), s.Splits["train"]);
        Assert.Equal(new LabelCounts(0, 1, 0), s.Splits["valid"]);
        Assert.Equal(new LabelCounts(1, 0, 0), s.Splits["test"]);
        Assert.False(s.Splits.ContainsKey("none"));

        // Follow edges: u1→u2 (followers), u2→u1 and u3→u1 (following).
        Assert.Equal(3, s.FollowEdges);
        Assert.Equal(new DegreeSummary(4, 0, 1, 0.75, 1, 1), s.FollowOutDegree);
        Assert.Equal(new DegreeSummary(4, 0, 0.5, 0.75, 2, 2), s.FollowInDegree);
        Assert.Equal(new DegreeSummary(4, 0, 1.5, 1.5, 3, 3), s.FollowDegree);
    }
}
