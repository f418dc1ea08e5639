using Vigil.Core.Sparse;
using Vigil.Graphs.Data;
using Vigil.Graphs.Data.Generators;

namespace Vigil.Tests.Graphs.Data;

public class ContextualSbmTests
{
    [Fact]
    public void SameSeedGivesTheSameGraphAndAnotherSeedDoesNot()
    {
        var a = ContextualSbm.Generate(new ContextualSbmOptions { Seed = 7 });
        var b = ContextualSbm.Generate(new ContextualSbmOptions { Seed = 7 });
        var c = ContextualSbm.Generate(new ContextualSbmOptions { Seed = 8 });
        Assert.Equal(a.Adjacency.RowPtr, b.Adjacency.RowPtr);
        Assert.Equal(a.Adjacency.ColIdx, b.Adjacency.ColIdx);
        Assert.Equal(a.Features.Dense, b.Features.Dense);
        Assert.Equal(a.Labels, b.Labels);
        Assert.Equal(a.TrainMask, b.TrainMask);
        Assert.NotEqual(a.Adjacency.ColIdx, c.Adjacency.ColIdx);
        Assert.NotEqual(a.Labels, c.Labels);
    }

    [Fact]
    public void DefaultsGiveTheDocumentedSizeAsASimpleUndirectedGraph()
    {
        var g = ContextualSbm.Generate();
        Assert.Equal(2000, g.NumNodes);
        Assert.Equal(4, g.NumClasses);
        Assert.Equal(32, g.Features.Cols);
        Assert.False(g.Features.IsSparse);
        Assert.Equal(2 * 8000, g.NumEdges); // n·deg/2 undirected edges, stored both ways
        Assert.All(Enumerable.Range(0, 4), k => Assert.Equal(500, g.Labels.Count(y => y == k)));
        Assert.Equal(80, g.TrainMask.Count(m => m));
        Assert.Equal(120, g.ValMask.Count(m => m));
        Assert.Equal(1800, g.TestMask.Count(m => m));

        var a = g.Adjacency;
        var t = a.Transpose();
        Assert.Equal(a.RowPtr, t.RowPtr);
        Assert.Equal(a.ColIdx, t.ColIdx);
        var rows = a.RowIndices();
        for (int e = 0; e < a.Nnz; e++)
        {
            Assert.NotEqual(rows[e], a.ColIdx[e]);
            if (e > a.RowPtr[rows[e]]) Assert.True(a.ColIdx[e] > a.ColIdx[e - 1], "duplicate or unsorted entry");
        }
    }

    [Theory]
    [InlineData(0.9, 4)]
    [InlineData(0.25, 4)]
    [InlineData(0.1, 3)]
    public void EdgeHomophilyIsRoughlyAsRequested(double h, int k)
    {
        var g = ContextualSbm.Generate(new ContextualSbmOptions { Classes = k, EdgeHomophily = h, Seed = 3 });
        Assert.InRange(g.EdgeHomophily(), h - 0.03, h + 0.03);
    }

    [Fact]
    public void RatioConversionMatchesTheGeneratedGraph()
    {
        Assert.Equal(0.25, ContextualSbm.EdgeHomophilyForRatio(1, 4), 12);
        double h = ContextualSbm.EdgeHomophilyForRatio(9, 4); // p_in = 9 p_out with 4 classes → 0.75
        Assert.Equal(0.75, h, 12);
        // Count within-class edges against within-class pairs directly: their density ratio should be near 9.
        var g = ContextualSbm.Generate(new ContextualSbmOptions { EdgeHomophily = h, AverageDegree = 20, Seed = 1 });
        var rows = g.Adjacency.RowIndices();
        long same = Enumerable.Range(0, g.NumEdges).Count(e => g.Labels[rows[e]] == g.Labels[g.Adjacency.ColIdx[e]]);
        long diff = g.NumEdges - same;
        double pairsSame = 4 * 500.0 * 499, pairsDiff = 2000.0 * 1500;
        Assert.InRange(same / pairsSame / (diff / pairsDiff), 8.0, 10.0);
    }

    [Fact]
    public void FeaturesCentreOnClassMeansOfTheRequestedLength()
    {
        var o = new ContextualSbmOptions { Nodes = 4000, FeatureSignal = 2.0, Seed = 5 };
        var g = ContextualSbm.Generate(o);
        var means = ClassMeans(g.Features.Dense!, g.Labels, Enumerable.Repeat(true, g.NumNodes).ToArray(), o.Classes, o.FeatureDim);
        foreach (var mean in means)
        {
            // The sample mean of 1000 nodes adds noise of variance d/1000 to the squared length.
            double norm = Math.Sqrt(mean.Sum(v => v * v));
            Assert.InRange(norm, 1.9, 2.1);
        }
    }

    [Fact]
    public void DefaultGraphRewardsNeighbourhoodAggregation()
    {
        // The default graph must favour GNNs over feature-only models. Nearest-centroid classifiers fit on the
        // training nodes stand in for both: one on raw features (an MLP's view), one on features averaged over
        // each node and its neighbours (a one-layer mean GCN's view).
        var g = ContextualSbm.Generate();
        int d = g.Features.Cols;
        var raw = g.Features.Dense!;
        var smoothed = MeanOverClosedNeighbourhood(g.Adjacency, raw, d);
        double rawAccuracy = NearestCentroidAccuracy(g, raw, d);
        double smoothedAccuracy = NearestCentroidAccuracy(g, smoothed, d);
        Assert.InRange(rawAccuracy, 0.45, 0.80);
        Assert.True(smoothedAccuracy > rawAccuracy + 0.15, $"raw {rawAccuracy:F3}, aggregated {smoothedAccuracy:F3}");
    }

    [Fact]
    public void LargeGraphsGetTheExactEdgeCount()
    {
        // 100k nodes at degree 8: the generator draws edges directly (never n² pairs), so this stays cheap.
        var g = ContextualSbm.Generate(new ContextualSbmOptions { Nodes = 100_000, FeatureDim = 8 });
        Assert.Equal(800_000, g.NumEdges);
        Assert.Equal(100_000, g.NumNodes);
    }

    [Fact]
    public void ImpossibleSettingsAreRefused()
    {
        Assert.Throws<ArgumentException>(() => ContextualSbm.Generate(new ContextualSbmOptions { EdgeHomophily = 1.5 }));
        Assert.Throws<ArgumentException>(() => ContextualSbm.Generate(new ContextualSbmOptions { Classes = 1, EdgeHomophily = 0.5 }));
        Assert.Throws<ArgumentException>(() => ContextualSbm.Generate(new ContextualSbmOptions { Nodes = 20, AverageDegree = 10 }));
    }

    private static float[] MeanOverClosedNeighbourhood(CsrMatrix a, float[] x, int d)
    {
        var y = new float[x.Length];
        for (int i = 0; i < a.Rows; i++)
        {
            var row = y.AsSpan(i * d, d);
            x.AsSpan(i * d, d).CopyTo(row);
            for (int e = a.RowPtr[i]; e < a.RowPtr[i + 1]; e++)
                for (int j = 0; j < d; j++) row[j] += x[a.ColIdx[e] * d + j];
            float inv = 1f / (a.RowLength(i) + 1);
            for (int j = 0; j < d; j++) row[j] *= inv;
        }
        return y;
    }

    private static double[][] ClassMeans(float[] x, int[] labels, bool[] use, int k, int d)
    {
        var means = Enumerable.Range(0, k).Select(_ => new double[d]).ToArray();
        var counts = new int[k];
        for (int i = 0; i < labels.Length; i++)
        {
            if (!use[i]) continue;
            counts[labels[i]]++;
            for (int j = 0; j < d; j++) means[labels[i]][j] += x[i * d + j];
        }
        for (int c = 0; c < k; c++) for (int j = 0; j < d; j++) means[c][j] /= counts[c];
        return means;
    }

    private static double NearestCentroidAccuracy(Graph g, float[] x, int d)
    {
        var means = ClassMeans(x, g.Labels, g.TrainMask, g.NumClasses, d);
        int correct = 0, total = 0;
        for (int i = 0; i < g.NumNodes; i++)
        {
            if (!g.TestMask[i]) continue;
            int best = -1; double bestDist = double.MaxValue;
            for (int c = 0; c < means.Length; c++)
            {
                double dist = 0;
                for (int j = 0; j < d; j++) { double diff = x[i * d + j] - means[c][j]; dist += diff * diff; }
                if (dist < bestDist) { bestDist = dist; best = c; }
            }
            total++;
            if (best == g.Labels[i]) correct++;
        }
        return (double)correct / total;
    }
}
