using Vigil.Graphs.Data.Generators;

namespace Vigil.Tests.Graphs.Data;

public class RandomGraphTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void HasExactlyTheRequestedSizesAndIsSimple(bool symmetric)
    {
        var o = new RandomGraphOptions { Nodes = 20_000, Edges = 200_000, Symmetric = symmetric, FeatureDim = 16, Classes = 5, Seed = 11 };
        var g = RandomGraph.Generate(o);
        Assert.Equal(20_000, g.NumNodes);
        Assert.Equal(200_000, g.NumEdges);
        Assert.Equal(16, g.Features.Cols);
        Assert.Equal(20_000 * 16, g.Features.Dense!.Length);
        Assert.Equal(5, g.NumClasses);
        Assert.All(g.Labels, y => Assert.InRange(y, 0, 4));
        Assert.Equal(2000, g.TrainMask.Count(m => m));
        Assert.Equal(2000, g.ValMask.Count(m => m));
        Assert.Equal(16_000, g.TestMask.Count(m => m));

        var a = g.Adjacency;
        var rows = a.RowIndices();
        for (int e = 0; e < a.Nnz; e++)
        {
            Assert.NotEqual(rows[e], a.ColIdx[e]);
            if (e > a.RowPtr[rows[e]]) Assert.True(a.ColIdx[e] > a.ColIdx[e - 1], "duplicate or unsorted entry");
        }
        var t = a.Transpose();
        bool isSymmetric = a.RowPtr.AsSpan().SequenceEqual(t.RowPtr) && a.ColIdx.AsSpan().SequenceEqual(t.ColIdx);
        Assert.Equal(symmetric, isSymmetric);

        // Standard-normal features: mean ≈ 0, variance ≈ 1 over 320k draws.
        double mean = g.Features.Dense.Average(v => (double)v);
        double variance = g.Features.Dense.Average(v => (v - mean) * (v - mean));
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(variance, 0.98, 1.02);
    }

    [Fact]
    public void IsDeterministicInTheSeed()
    {
        var o = new RandomGraphOptions { Nodes = 1000, Edges = 5000, FeatureDim = 4 };
        var a = RandomGraph.Generate(o);
        var b = RandomGraph.Generate(o);
        var c = RandomGraph.Generate(o with { Seed = 1 });
        Assert.Equal(a.Adjacency.ColIdx, b.Adjacency.ColIdx);
        Assert.Equal(a.Features.Dense, b.Features.Dense);
        Assert.Equal(a.Labels, b.Labels);
        Assert.NotEqual(a.Adjacency.ColIdx, c.Adjacency.ColIdx);
    }

    [Fact]
    public void RefusesImpossibleEdgeCounts()
    {
        Assert.Throws<ArgumentException>(() => RandomGraph.Generate(new RandomGraphOptions { Nodes = 10, Edges = 60 }));
        Assert.Throws<ArgumentException>(() => RandomGraph.Generate(new RandomGraphOptions { Nodes = 100, Edges = 11, Symmetric = true }));
    }
}
