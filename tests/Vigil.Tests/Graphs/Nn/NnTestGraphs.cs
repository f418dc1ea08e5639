using TorchSharp;
using Vigil.Core.Sparse;
using Vigil.Graphs.Nn;
using static TorchSharp.torch;

namespace Vigil.Tests.Graphs.Nn;

/// <summary>Small random graphs, their dense forms, and sampled-block construction for layer tests.</summary>
internal static class NnTestGraphs
{
    /// <summary>A random directed pattern adjacency (rows = destinations) without self-loops; every row of a
    /// square graph has at least one in-edge.</summary>
    public static CsrMatrix Random(int rows, int cols, double density, int seed)
    {
        var rng = new Random(seed);
        var r = new List<int>(); var c = new List<int>();
        for (int i = 0; i < rows; i++)
        {
            bool any = false;
            for (int j = 0; j < cols; j++)
            {
                if (i == j || rng.NextDouble() >= density) continue;
                r.Add(i); c.Add(j); any = true;
            }
            if (!any) { r.Add(i); c.Add((i + 1) % cols); }
        }
        return CsrMatrix.FromCoo(rows, cols, r.ToArray(), c.ToArray());
    }

    /// <summary>The dense [Rows, Cols] matrix.</summary>
    public static Tensor Dense(CsrMatrix a) => tensor(a.ToDense(), [a.Rows, a.Cols]);

    /// <summary>A + I on the target block, densely.</summary>
    public static Tensor DenseWithSelfLoops(CsrMatrix a)
    {
        var d = Dense(a);
        for (int i = 0; i < a.Rows; i++) d[i, i] = tensor(1f);
        return d;
    }

    /// <summary>D_row^-1/2 (A + I) D_col^-1/2, the GCN normalisation, computed densely.</summary>
    public static Tensor DenseGcn(CsrMatrix a)
    {
        var d = DenseWithSelfLoops(a);
        var rowDeg = d.sum(1).pow(-0.5);
        var colDeg = d.sum([0]).pow(-0.5);   // sum(0) would bind to sum(ScalarType)
        colDeg = where(colDeg.isinf(), zeros_like(colDeg), colDeg);
        return rowDeg.unsqueeze(1) * d * colDeg.unsqueeze(0);
    }

    /// <summary>Row-normalised A (rows without edges stay zero).</summary>
    public static Tensor DenseMean(CsrMatrix a)
    {
        var d = Dense(a);
        return d / d.sum(1, keepdim: true).clamp_min(1);
    }

    /// <summary>Softmax of <paramref name="scores"/> [Nt, Ns] over each row's edges of <paramref name="mask"/>.</summary>
    public static Tensor MaskedSoftmax(Tensor scores, Tensor mask) =>
        nn.functional.softmax(scores.masked_fill(mask.eq(0), double.NegativeInfinity), 1);

    /// <summary>
    /// The sampled block of targets 0…nt−1 holding all their in-edges: sources are the targets, then their other
    /// in-neighbours. Returns each matrix's block and the original id of every block source.
    /// </summary>
    public static (CsrMatrix[] Blocks, long[] Sources) Block(IReadOnlyList<CsrMatrix> full, int nt)
    {
        var sources = Enumerable.Range(0, nt).ToList();
        var seen = new HashSet<int>(sources);
        foreach (var a in full)
            for (int e = 0; e < a.RowPtr[nt]; e++)
                if (seen.Add(a.ColIdx[e])) sources.Add(a.ColIdx[e]);
        var position = new Dictionary<int, int>();
        for (int i = 0; i < sources.Count; i++) position[sources[i]] = i;
        var blocks = full.Select(a =>
        {
            var rows = a.RowIndices().Take(a.RowPtr[nt]).ToArray();
            var cols = a.ColIdx.Take(a.RowPtr[nt]).Select(c => position[c]).ToArray();
            return CsrMatrix.FromCoo(nt, sources.Count, rows, cols);
        }).ToArray();
        return (blocks, sources.Select(s => (long)s).ToArray());
    }

    /// <summary>Sets every parameter of <paramref name="module"/> to uniform(−1, 1) noise, so that zero-initialised
    /// biases and defaults cannot hide a term the layer forgets.</summary>
    public static void Randomize(nn.Module module, int seed)
    {
        var gen = new Generator((ulong)seed);
        using var _ = no_grad();
        foreach (var p in module.parameters())
            p.copy_(rand(p.shape, generator: gen) * 2 - 1);
    }

    public static Tensor Parameter(nn.Module module, string name)
    {
        foreach (var (n, p) in module.named_parameters())
            if (n == name) return p.detach();
        throw new ArgumentException($"No parameter '{name}'; has: {string.Join(", ", module.named_parameters().Select(np => np.name))}.");
    }

    public static Tensor Features(int rows, int cols, int seed) =>
        rand([rows, cols], generator: new Generator((ulong)seed)) * 2 - 1;

    public static void AssertClose(Tensor expected, Tensor actual, double tol = 1e-4)
    {
        Assert.Equal(expected.shape, actual.shape);
        double diff = (expected - actual).abs().max().item<float>();
        Assert.True(diff <= tol, $"max |expected − actual| = {diff:g4} exceeds {tol:g2}");
    }
}
