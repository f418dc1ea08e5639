using Vigil.Core.Sparse;
using Vigil.Graphs.Smoothness;
using static TorchSharp.torch;

namespace Vigil.Tests.Graphs.Smoothness;

public class MeanAverageDistanceTests
{
    [Fact]
    public void GlobalMadMatchesHandComputation()
    {
        // h0 = (1,0), h1 = (0,1), h2 = (1,1): d01 = 1, d02 = d12 = 1 − 1/√2.
        var h = new RepresentationMatrix(new float[] { 1, 0, 0, 1, 1, 1 }, 3, 2);
        double c = 1 - 1 / Math.Sqrt(2);
        double expected = ((1 + c) / 2 * 2 + c) / 3;
        Assert.Equal(expected, MeanAverageDistance.Global(h), 12);
        Assert.Equal(1.0, h.CosineDistance(0, 1), 12);
        // Only row 2 averaged: its mean is c.
        Assert.Equal(c, MeanAverageDistance.Global(h, rows: new[] { 2 }), 12);
    }

    [Fact]
    public void ExactMadsMatchTheQuadraticReference()
    {
        var (h, n, d, adjacency, edges, labels) = RandomCase(seed: 1, n: 70, d: 6);
        var dist = MadReference.CosineDistances(h.Data, n, d);
        var hops = MadReference.HopDistances(n, edges);
        var all = Enumerable.Range(0, n).ToArray();
        var rows = all.Where(i => i % 3 != 0).ToArray();
        var exact = new MadOptions { Method = MadMethod.Exact };

        Assert.Equal(MadReference.Mad(dist, (_, _) => true, all), MeanAverageDistance.Global(h.Matrix, options: exact), 9);
        Assert.Equal(MadReference.Mad(dist, (_, _) => true, rows), MeanAverageDistance.Global(h.Matrix, rows, exact), 9);

        Func<int, int, bool> parity = (i, j) => (i + j) % 2 == 0;
        Assert.Equal(MadReference.Mad(dist, parity, rows), MeanAverageDistance.Masked(h.Matrix, parity, rows, exact), 9);

        var range = new HopRange(2, 4);
        Assert.Equal(MadReference.Mad(dist, (i, j) => hops[i, j] >= 2 && hops[i, j] <= 4, all),
            MeanAverageDistance.ByHops(h.Matrix, adjacency, range, options: exact), 9);

        var gap = MadGap.Compute(h.Matrix, adjacency, rows, options: exact);
        double neighbour = MadReference.Mad(dist, (i, j) => hops[i, j] >= 1 && hops[i, j] <= 3, rows);
        double remote = MadReference.Mad(dist, (i, j) => hops[i, j] >= 8, rows); // unreachable = int.MaxValue counts
        Assert.False(gap.Sampled);
        Assert.Equal(neighbour, gap.NeighbourMad, 9);
        Assert.Equal(remote, gap.RemoteMad, 9);
        Assert.Equal(remote - neighbour, gap.Gap, 9);

        var subset = all.Where(i => i % 2 == 1).ToArray();
        var inSubset = new HashSet<int>(subset);
        Assert.Equal(MadReference.Mad(dist, (i, j) => inSubset.Contains(j) && labels[i] != labels[j], subset),
            MeanAverageDistance.DifferentClass(h.Matrix, labels, subset, exact), 9);
    }

    [Fact]
    public void SampledEstimatorIsExactWhenItCanEnumerateEverything()
    {
        var (h, n, _, adjacency, _, labels) = RandomCase(seed: 2, n: 60, d: 5);
        var exact = new MadOptions { Method = MadMethod.Exact };
        var enumerate = new MadOptions { Method = MadMethod.Sampled, SampledSources = n, SampledPairsPerSource = n };
        Assert.Equal(MeanAverageDistance.Global(h.Matrix, options: exact), MeanAverageDistance.Global(h.Matrix, options: enumerate), 9);
        var a = MadGap.Compute(h.Matrix, adjacency, options: exact);
        var b = MadGap.Compute(h.Matrix, adjacency, options: enumerate);
        Assert.True(b.Sampled);
        Assert.Equal(a.NeighbourMad, b.NeighbourMad, 9);
        Assert.Equal(a.RemoteMad, b.RemoteMad, 9);
        var nodes = Enumerable.Range(0, n).ToArray();
        Assert.Equal(MeanAverageDistance.DifferentClass(h.Matrix, labels, nodes, exact),
            MeanAverageDistance.DifferentClass(h.Matrix, labels, nodes, enumerate), 9);
    }

    [Fact]
    public void ZeroDistancesAreLeftOutAndIdenticalRowsGiveZero()
    {
        // Rows 0 and 1 point the same way (distance 0, not counted); row 2 is orthogonal to both.
        var h = new RepresentationMatrix(new float[] { 1, 0, 3, 0, 0, 2 }, 3, 2);
        // Row means: row 0 → 1 (only the pair with row 2 counts), row 1 → 1, row 2 → 1.
        Assert.Equal(1.0, MeanAverageDistance.Global(h), 12);
        var same = new RepresentationMatrix(new float[] { 0.3f, 0.7f, 0.6f, 1.4f, 0.15f, 0.35f }, 3, 2);
        Assert.Equal(0.0, MeanAverageDistance.Global(same));
        Assert.True(double.IsNaN(MeanAverageDistance.Global(new RepresentationMatrix(new float[] { 1, 2 }, 1, 2))));
        Assert.True(double.IsNaN(MeanAverageDistance.Masked(h, (_, _) => false)));
    }

    [Fact]
    public void ZeroRowIsAtDistanceOneFromEveryOtherRow()
    {
        var h = new RepresentationMatrix(new float[] { 0, 0, 1, 2, -3, 1 }, 3, 2);
        Assert.Equal(1.0, h.CosineDistance(0, 1), 12);
        Assert.Equal(1.0, h.CosineDistance(2, 0), 12);
        Assert.Equal(1.0, MeanAverageDistance.Global(h, rows: new[] { 0 }), 12);
    }

    [Fact]
    public void TensorInputEqualsArrayInput()
    {
        var data = Enumerable.Range(0, 40).Select(i => MathF.Sin(i * 1.3f)).ToArray();
        using var t = tensor(data, new long[] { 10, 4 });
        Assert.Equal(MeanAverageDistance.Global(new RepresentationMatrix(data, 10, 4)),
            MeanAverageDistance.Global(RepresentationMatrix.FromTensor(t)), 12);
        using var wrong = tensor(data);
        Assert.Throws<ArgumentException>(() => RepresentationMatrix.FromTensor(wrong));
    }

    [Fact]
    public void BadInputIsRejected()
    {
        Assert.Throws<ArgumentException>(() => new RepresentationMatrix(new float[5], 2, 3));
        var nan = Assert.Throws<ArgumentException>(() => new RepresentationMatrix(new[] { 1f, float.NaN }, 1, 2));
        Assert.Contains("row 0, column 1", nan.Message);
        var h = new RepresentationMatrix(new float[] { 1, 0, 0, 1 }, 2, 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => MeanAverageDistance.Global(h, rows: new[] { 2 }));
        Assert.Throws<ArgumentException>(() => MeanAverageDistance.DifferentClass(h, new[] { 0, -1 }, new[] { 0, 1 }));
        var path = CsrMatrix.FromCoo(2, 2, new[] { 0, 1 }, new[] { 1, 0 });
        Assert.Throws<ArgumentException>(() => MadGap.Compute(h, path, neighbourHops: 3, remoteHops: 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HopRange(0, 2));
    }

    internal sealed record Representations(RepresentationMatrix Matrix, float[] Data);

    /// <summary>A random graph of a few components (so some pairs are unreachable) with random representations.</summary>
    internal static (Representations H, int N, int D, CsrMatrix Adjacency, List<(int, int)> Edges, int[] Labels) RandomCase(int seed, int n, int d)
    {
        var rng = new Random(seed);
        var edges = new List<(int, int)>();
        int component = n / 3;
        for (int i = 1; i < n; i++)
        {
            if (i % component == 0) continue; // start a new component
            int j = i - 1 - rng.Next(Math.Min(i % component, 3)); // a long, thin component: many far pairs
            edges.Add((j, i));
            if (rng.Next(5) == 0 && i % component > 4) edges.Add((i, i - 4)); // directed extra edge
        }
        var rows = edges.Select(e => e.Item2).ToArray();
        var cols = edges.Select(e => e.Item1).ToArray();
        var adjacency = CsrMatrix.FromCoo(n, n, rows, cols, sumDuplicates: true); // directed: direction must not matter
        var data = new float[n * d];
        for (int k = 0; k < data.Length; k++) data[k] = (float)(rng.NextDouble() * 2 - 1);
        var labels = Enumerable.Range(0, n).Select(_ => rng.Next(3)).ToArray();
        return (new Representations(new RepresentationMatrix(data, n, d), data), n, d, adjacency, edges, labels);
    }
}
