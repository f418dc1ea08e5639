using Vigil.Core;
using Vigil.Core.Sparse;
using Vigil.Graphs.Data;
using Vigil.Graphs.IO;

namespace Vigil.Tests.Graphs.IO;

public class GraphNpzTests
{
    private static string CoraPath => DataDirectory.FindFile("graphs", "cora.npz")!;

    [DataFileFact("graphs", "cora.npz")]
    public void LoadsCoraWithItsPublishedSizesAndSplit()
    {
        var g = GraphNpz.Load(CoraPath);
        Assert.Equal("cora", g.Name);
        Assert.Equal(2708, g.NumNodes);
        Assert.Equal(10556, g.NumEdges);
        Assert.Null(g.Adjacency.Values); // all-ones weights load as a pattern
        Assert.True(g.Features.IsSparse);
        Assert.Equal(1433, g.Features.Cols);
        Assert.Equal(49216, g.Features.Sparse!.Nnz);
        Assert.All(g.Features.Sparse.Values!, v => Assert.Equal(1f, v)); // binary bag of words
        Assert.Equal(7, g.NumClasses);
        Assert.Equal(140, g.TrainMask.Count(m => m));
        Assert.Equal(500, g.ValMask.Count(m => m));
        Assert.Equal(1000, g.TestMask.Count(m => m));
        Assert.Equal("stored masks", g.SplitDescription);
        // The Planetoid public split trains on the first 20 nodes of each class: 20 per class.
        var trainPerClass = Graph.MaskIndices(g.TrainMask).GroupBy(i => g.Labels[i]).Select(c => c.Count());
        Assert.All(trainPerClass, c => Assert.Equal(20, c));
        // Undirected, stored both ways, no self-loops.
        AssertSymmetricWithoutSelfLoops(g.Adjacency);
    }

    [DataFileFact("graphs", "cora.npz")]
    public void CoraRoundTripsStoredAndCompressed()
    {
        var g = GraphNpz.Load(CoraPath);
        using var dir = new TempDirectory();
        foreach (var compress in new[] { false, true })
        {
            var path = dir.File($"cora-{compress}.npz");
            GraphNpz.Save(g, path, compress);
            AssertSameGraph(g, GraphNpz.Load(path));
        }
    }

    [Fact]
    public void DenseFeaturesAndWeightsRoundTrip()
    {
        var adjacency = CsrMatrix.FromCoo(3, 3, new[] { 0, 1, 2, 2 }, new[] { 1, 0, 0, 1 }, new[] { 0.5f, 0.5f, 2f, 3f });
        var g = new Graph("weighted", adjacency, new FeatureMatrix(3, 2, new[] { 1f, 2, 3, 4, 5, 6 }), new[] { 0, 1, -1 },
            new[] { true, false, false }, new[] { false, true, false }, new[] { false, false, true });
        using var dir = new TempDirectory();
        var path = dir.File("weighted.npz");
        GraphNpz.Save(g, path);
        var back = GraphNpz.Load(path);
        AssertSameGraph(g, back);
        Assert.Equal(new[] { 0.5f, 0.5f, 2f, 3f }, back.Adjacency.Values);
        Assert.False(back.Features.IsSparse);
    }

    [Fact]
    public void StoredRowsAreSourcesSoTheLoadedAdjacencyIsTransposed()
    {
        // scipy orientation: entry (i, j) is the edge i → j. Edges 0→1, 0→2, 1→2.
        using var dir = new TempDirectory();
        var path = dir.File("directed.npz");
        WriteGraph(path, ptr: new[] { 0, 2, 3, 3 }, idx: new[] { 1, 2, 2 }, n: 3, labels: new long[] { 0, 1, 0 }, masks: true);
        var g = GraphNpz.Load(path);
        // Our rows are destinations: node 1 hears from 0; node 2 from 0 and 1.
        Assert.Equal(new[] { 0, 0, 1, 3 }, g.Adjacency.RowPtr);
        Assert.Equal(new[] { 0, 0, 1 }, g.Adjacency.ColIdx);
    }

    [Fact]
    public void WithoutMasksAPerClassSplitIsDrawnBySeed()
    {
        // gnn-benchmark files (Amazon, Coauthor) carry no masks.
        using var dir = new TempDirectory();
        var path = dir.File("nomasks.npz");
        int n = 300;
        var labels = Enumerable.Range(0, n).Select(i => (long)(i % 3)).ToArray();
        WriteGraph(path, ptr: new int[n + 1], idx: Array.Empty<int>(), n: n, labels: labels, masks: false);

        var a = GraphNpz.Load(path, splitSeed: 1);
        var b = GraphNpz.Load(path, splitSeed: 1);
        var c = GraphNpz.Load(path, splitSeed: 2);
        Assert.Contains("per-class", a.SplitDescription);
        Assert.Contains("seed 1", a.SplitDescription);
        Assert.Equal(a.TrainMask, b.TrainMask);
        Assert.Equal(a.ValMask, b.ValMask);
        Assert.NotEqual(a.TrainMask, c.TrainMask);
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(20, Enumerable.Range(0, n).Count(i => a.TrainMask[i] && a.Labels[i] == k));
            Assert.Equal(30, Enumerable.Range(0, n).Count(i => a.ValMask[i] && a.Labels[i] == k));
        }
        Assert.Equal(n - 150, a.TestMask.Count(m => m));
        Assert.All(Enumerable.Range(0, n), i => Assert.Equal(1, (a.TrainMask[i] ? 1 : 0) + (a.ValMask[i] ? 1 : 0) + (a.TestMask[i] ? 1 : 0)));
    }

    public static TheoryData<string, int[], int[], int, string, string> BrokenCsr() => new()
    {
        // name, indptr, indices, n, array at fault, problem
        { "short indptr", new[] { 0, 1, 2 }, new[] { 1, 0 }, 3, "adj_indptr", "expected rows + 1 = 4" },
        { "decreasing", new[] { 0, 2, 1, 2 }, new[] { 1, 2 }, 3, "adj_indptr", "decreases at row 1" },
        { "bad end", new[] { 0, 1, 1, 1 }, new[] { 1, 2 }, 3, "adj_indptr", "ends at 1" },
        { "bad start", new[] { 1, 1, 2, 2 }, new[] { 1, 2 }, 3, "adj_indptr", "must start at 0" },
        { "index out of range", new[] { 0, 1, 2, 2 }, new[] { 1, 3 }, 3, "adj_indices", "column index 3 at entry 1 is out of range [0, 3)" },
        { "negative index", new[] { 0, 1, 2, 2 }, new[] { -1, 0 }, 3, "adj_indices", "column index -1 at entry 0" },
    };

    [Theory]
    [MemberData(nameof(BrokenCsr))]
    public void InconsistentCsrArraysAreNamed(string name, int[] ptr, int[] idx, int n, string array, string problem)
    {
        using var dir = new TempDirectory();
        var path = dir.File(name.Replace(' ', '_') + ".npz");
        WriteGraph(path, ptr, idx, n, labels: new long[n], masks: true);
        var e = Assert.Throws<NpzFormatException>(() => GraphNpz.Load(path));
        Assert.Equal(array, e.ArrayName);
        Assert.Contains(problem, e.Problem);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void OtherGraphLevelFaultsAreNamed()
    {
        using var dir = new TempDirectory();
        var ptr = new[] { 0, 1, 2 };
        var idx = new[] { 1, 0 };

        void Check(string file, Action<NpzWriter> extra, bool masks, string array, string problem, long[]? labels = null, bool features = true)
        {
            var path = dir.File(file);
            WriteGraph(path, ptr, idx, 2, labels ?? new long[] { 0, 1 }, masks, extra, features);
            var e = Assert.Throws<NpzFormatException>(() => GraphNpz.Load(path));
            Assert.Equal(array, e.ArrayName);
            Assert.Contains(problem, e.Problem);
        }

        Check("nolabels.npz", _ => { }, true, "labels", "missing", labels: Array.Empty<long>());
        Check("shortlabels.npz", _ => { }, true, "labels", "1 labels for 2 nodes", labels: new long[] { 0 });
        Check("neglabel.npz", _ => { }, true, "labels", "label -2 of node 1", labels: new long[] { 0, -2 });
        Check("somemasks.npz", w => w.Write("train_mask", new NpyArray(new[] { true, false })), false, "val_mask", "missing, while train_mask");
        Check("nofeatures.npz", _ => { }, true, "attr_data", "missing", features: false);
        Check("floatlabels.npz", w => w.Write("labels", new NpyArray(new[] { 0.0, 1.0 })), true, "labels", "integers are expected", labels: Array.Empty<long>());
    }

    /// <summary>Writes gnn-benchmark arrays by hand (adjacency in scipy orientation, rows = sources).</summary>
    private static void WriteGraph(string path, int[] ptr, int[] idx, int n, long[] labels, bool masks,
        Action<NpzWriter>? extra = null, bool features = true)
    {
        using var w = new NpzWriter(path);
        w.Write("adj_data", new NpyArray(Enumerable.Repeat(1f, idx.Length).ToArray()));
        w.Write("adj_indices", new NpyArray(idx));
        w.Write("adj_indptr", new NpyArray(ptr));
        w.Write("adj_shape", new NpyArray(new long[] { n, n }));
        if (features) w.Write("attr_matrix", new NpyArray(new float[n * 2], n, 2));
        if (labels.Length > 0) w.Write("labels", new NpyArray(labels));
        if (masks)
            foreach (var k in new[] { "train_mask", "val_mask", "test_mask" })
                w.Write(k, new NpyArray(new bool[n]));
        extra?.Invoke(w);
    }

    private static void AssertSymmetricWithoutSelfLoops(CsrMatrix a)
    {
        var t = a.Transpose();
        Assert.Equal(a.RowPtr, t.RowPtr);
        Assert.Equal(a.ColIdx, t.ColIdx);
        var rows = a.RowIndices();
        Assert.All(Enumerable.Range(0, a.Nnz), e => Assert.NotEqual(rows[e], a.ColIdx[e]));
    }

    private static void AssertSameGraph(Graph expected, Graph actual)
    {
        Assert.Equal(expected.NumNodes, actual.NumNodes);
        Assert.Equal(expected.Adjacency.RowPtr, actual.Adjacency.RowPtr);
        Assert.Equal(expected.Adjacency.ColIdx, actual.Adjacency.ColIdx);
        Assert.Equal(expected.Adjacency.Values, actual.Adjacency.Values);
        Assert.Equal(expected.Features.Rows, actual.Features.Rows);
        Assert.Equal(expected.Features.Cols, actual.Features.Cols);
        Assert.Equal(expected.Features.IsSparse, actual.Features.IsSparse);
        Assert.Equal(expected.Features.Dense, actual.Features.Dense);
        Assert.Equal(expected.Features.Sparse?.RowPtr, actual.Features.Sparse?.RowPtr);
        Assert.Equal(expected.Features.Sparse?.ColIdx, actual.Features.Sparse?.ColIdx);
        Assert.Equal(expected.Features.Sparse?.Values, actual.Features.Sparse?.Values);
        Assert.Equal(expected.Labels, actual.Labels);
        Assert.Equal(expected.NumClasses, actual.NumClasses);
        Assert.Equal(expected.TrainMask, actual.TrainMask);
        Assert.Equal(expected.ValMask, actual.ValMask);
        Assert.Equal(expected.TestMask, actual.TestMask);
    }
}
