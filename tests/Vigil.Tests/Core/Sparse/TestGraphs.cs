using Vigil.Core.Sparse;
using static TorchSharp.torch;

namespace Vigil.Tests.Core.Sparse;

/// <summary>
/// Random sparse matrices with the awkward cases built in: empty rows, self-loops, duplicate entries, and any
/// shape (square or bipartite). Deterministic per seed.
/// </summary>
internal static class TestGraphs
{
    public static CsrMatrix Random(int rows, int cols, int edges, int seed, bool withValues)
    {
        var rng = new Random(seed);
        var r = new List<int>();
        var c = new List<int>();
        for (int k = 0; k < edges; k++)
        {
            int row = rng.Next(rows);
            if (row % 5 == 3) continue; // every fifth row stays empty
            r.Add(row); c.Add(rng.Next(cols));
        }
        for (int i = 0; i < Math.Min(rows, cols); i += 3)
        {
            if (i % 5 == 3) continue;
            r.Add(i); c.Add(i); // self-loops
        }
        int n = r.Count;
        for (int k = 0; k < n; k += 7)
        {
            r.Add(r[k]); c.Add(c[k]); // duplicates of existing entries
        }
        var values = withValues ? Floats(rng, r.Count) : default;
        var m = CsrMatrix.FromCoo(rows, cols, r.ToArray(), c.ToArray(), values);
        Assert.True(HasEmptyRow(m) || rows < 4, "test graph should include an empty row");
        return m;
    }

    public static float[] Floats(Random rng, int count)
    {
        var v = new float[count];
        for (int i = 0; i < count; i++) v[i] = (float)(rng.NextDouble() * 2 - 1);
        return v;
    }

    /// <summary>A float32 tensor with entries uniform in [-1, 1).</summary>
    public static Tensor RandomTensor(int seed, params long[] shape)
    {
        long n = 1;
        foreach (var d in shape) n *= d;
        return tensor(Floats(new Random(seed), (int)n), shape);
    }

    private static bool HasEmptyRow(CsrMatrix m)
    {
        for (int i = 0; i < m.Rows; i++) if (m.RowLength(i) == 0) return true;
        return false;
    }
}
