using Vigil.Core.Sparse;
using Vigil.Graphs.Data;
using Vigil.Graphs.Data.Hetero;

namespace Vigil.Tests.Graphs.Data;

public class HeteroGraphTests
{
    // Four users and two tweets: users follow users, users are friends of users, users post tweets.
    private static HeteroGraph Build()
    {
        var g = new HeteroGraph("toy");
        g.AddNodeType("user", 4, new FeatureMatrix(4, 2, new float[] { 1, 0, 0, 1, 1, 1, 0, 0 }));
        g.AddNodeType("tweet", 2);
        g.AddRelation("user", "follows", "user", sourceIds: new[] { 0, 1, 2, 0 }, targetIds: new[] { 1, 2, 3, 1 });
        g.AddRelation("user", "friend", "user", sourceIds: new[] { 3 }, targetIds: new[] { 0 });
        g.AddRelation("user", "posts", "tweet", sourceIds: new[] { 0, 0, 3 }, targetIds: new[] { 0, 1, 1 });
        return g;
    }

    [Fact]
    public void RelationsAreTargetsByRowsAndSourcesByColumnsWithRepeatsMerged()
    {
        var g = Build();
        var follows = g.Relation("follows");
        Assert.Equal(new RelationType("user", "follows", "user"), follows.Type);
        Assert.Equal(3, follows.NumEdges); // 0→1 was given twice
        Assert.Equal(new float[] { 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0 }, follows.Adjacency.ToDense());
        var posts = g.Relation("user", "posts", "tweet");
        Assert.Equal((2, 4), (posts.Adjacency.Rows, posts.Adjacency.Cols));
        Assert.Equal(new float[] { 1, 0, 0, 0, 1, 0, 0, 1 }, posts.Adjacency.ToDense());
    }

    [Fact]
    public void RelationsWithinATypeAreTheSquareOnesInOrder()
    {
        var g = Build();
        var within = g.RelationsWithin("user");
        Assert.Equal(new[] { "follows", "friend" }, within.Select(r => r.Type.Relation));
        Assert.All(within, r => Assert.Equal((4, 4), (r.Adjacency.Rows, r.Adjacency.Cols)));
        Assert.Empty(g.RelationsWithin("tweet"));
        Assert.Single(g.RelationsBetween("user", "tweet"));
    }

    [Fact]
    public void ToGraphMergesChosenRelationsWithTheTypesFeaturesAndLabels()
    {
        var g = Build();
        var labels = new NodeLabels(new[] { 0, 1, 1, 0 }, 2, new[] { true, true, false, false }, new[] { false, false, true, false }, new[] { false, false, false, true });
        g.SetLabels("user", labels);

        var all = g.ToGraph("user");
        // follows: 0→1, 1→2, 2→3 and friend: 3→0, as rows = targets.
        Assert.Equal(new float[] { 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0 }, all.Adjacency.ToDense());
        Assert.Null(all.Adjacency.Values);
        Assert.Same(g.NodeSet("user").Features, all.Features);
        Assert.Equal(labels.Labels, all.Labels);
        Assert.Equal(2, all.NumClasses);
        Assert.Equal(labels.TestMask, all.TestMask);

        var symmetric = g.ToGraph("user", new[] { "follows" }, symmetrize: true);
        Assert.Equal(new float[] { 0, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0 }, symmetric.Adjacency.ToDense());
    }

    [Fact]
    public void UnlabelledTypesGetUnknownLabels()
    {
        var g = Build();
        var graph = g.ToGraph("user", new[] { "friend" });
        Assert.All(graph.Labels, y => Assert.Equal(-1, y));
        Assert.DoesNotContain(true, graph.TrainMask);
        Assert.False(g.HasLabels("user"));
        Assert.Throws<KeyNotFoundException>(() => g.LabelsOf("user"));
    }

    [Fact]
    public void MistakesAreNamed()
    {
        var g = Build();
        var wrongShape = Assert.Throws<ArgumentException>(() => g.AddRelation("user", "likes", "tweet", CsrMatrix.FromCoo(4, 2, new[] { 0 }, new[] { 1 })));
        Assert.Contains("2×4", wrongShape.Message);
        var outOfRange = Assert.Throws<ArgumentException>(() => g.AddRelation("user", "likes", "tweet", new[] { 4 }, new[] { 0 }));
        Assert.Contains("source 4 of edge 0", outOfRange.Message);
        Assert.Throws<ArgumentException>(() => g.AddRelation("user", "follows", "user", new[] { 0 }, new[] { 1 }));
        Assert.Throws<ArgumentException>(() => g.AddNodeType("user", 3));
        var unknownType = Assert.Throws<KeyNotFoundException>(() => g.NodeSet("hashtag"));
        Assert.Contains("user, tweet", unknownType.Message);
        Assert.Throws<KeyNotFoundException>(() => g.Relation("likes"));
        Assert.Throws<KeyNotFoundException>(() => g.ToGraph("user", new[] { "posts" }));
        Assert.Throws<InvalidOperationException>(() => g.ToGraph("tweet"));
        Assert.Throws<ArgumentException>(() => g.SetLabels("user", new NodeLabels(new int[3], 1, new bool[4], new bool[4], new bool[4])));

        g.AddNodeType("list", 1);
        g.AddRelation("list", "follows", "user", new[] { 0 }, new[] { 2 });
        var ambiguous = Assert.Throws<InvalidOperationException>(() => g.Relation("follows"));
        Assert.Contains("(list)-[follows]->(user)", ambiguous.Message);
    }
}
