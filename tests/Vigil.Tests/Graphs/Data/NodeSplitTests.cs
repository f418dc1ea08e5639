using Vigil.Graphs.Data;

namespace Vigil.Tests.Graphs.Data;

public class NodeSplitTests
{
    [Fact]
    public void PerClassTakesTwentyAndThirtyAndLeavesTheRestForTest()
    {
        // Class 0: 100 nodes, class 1: 40 (too few for 20 + 30), class 2: 10, and 5 unknown nodes.
        var labels = Enumerable.Repeat(0, 100).Concat(Enumerable.Repeat(1, 40)).Concat(Enumerable.Repeat(2, 10))
            .Concat(Enumerable.Repeat(-1, 5)).ToArray();
        var s = NodeSplit.PerClass(labels, seed: 4);
        int Count(bool[] m, int c) => Enumerable.Range(0, labels.Length).Count(i => m[i] && labels[i] == c);
        Assert.Equal((20, 30, 50), (Count(s.Train, 0), Count(s.Val, 0), Count(s.Test, 0)));
        Assert.Equal((20, 20, 0), (Count(s.Train, 1), Count(s.Val, 1), Count(s.Test, 1)));
        Assert.Equal((10, 0, 0), (Count(s.Train, 2), Count(s.Val, 2), Count(s.Test, 2)));
        for (int i = 0; i < labels.Length; i++)
        {
            int memberships = (s.Train[i] ? 1 : 0) + (s.Val[i] ? 1 : 0) + (s.Test[i] ? 1 : 0);
            Assert.Equal(labels[i] < 0 ? 0 : 1, memberships);
        }
        Assert.Equal(s.Train, NodeSplit.PerClass(labels, seed: 4).Train);
        Assert.NotEqual(s.Train, NodeSplit.PerClass(labels, seed: 5).Train);
    }

    [Fact]
    public void RandomFractionsPartitionAllNodes()
    {
        var s = NodeSplit.RandomFractions(1000, 0.6, 0.2, seed: 2);
        Assert.Equal(600, s.Train.Count(m => m));
        Assert.Equal(200, s.Val.Count(m => m));
        Assert.Equal(200, s.Test.Count(m => m));
        Assert.All(Enumerable.Range(0, 1000), i => Assert.Equal(1, new[] { s.Train[i], s.Val[i], s.Test[i] }.Count(m => m)));
        Assert.Throws<ArgumentException>(() => NodeSplit.RandomFractions(10, 0.8, 0.3));
    }
}
