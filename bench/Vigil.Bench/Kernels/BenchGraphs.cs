using Vigil.Core.Sparse;

namespace Vigil.Bench.Kernels;

/// <summary>Deterministic synthetic inputs shaped like the workloads the kernels must serve.</summary>
public static class BenchGraphs
{
    /// <summary>The graph named by a benchmark parameter: "cora" (2,708 nodes, ~13k entries with self-loops) or "random-200k" (200k nodes, 2M edges).</summary>
    public static CsrMatrix ByName(string name) => name switch
    {
        "cora" => RandomAdjacency(2708, 10556, seed: 1).WithSelfLoops(),
        "random-200k" => RandomAdjacency(200_000, 2_000_000, seed: 2),
        _ => throw new ArgumentException($"Unknown benchmark graph '{name}' (expected cora or random-200k)."),
    };

    /// <summary>Uniformly random directed edges with GCN-like positive values.</summary>
    public static CsrMatrix RandomAdjacency(int nodes, int edges, int seed)
    {
        var rng = new Random(seed);
        var rows = new int[edges];
        var cols = new int[edges];
        var vals = new float[edges];
        for (int e = 0; e < edges; e++)
        {
            rows[e] = rng.Next(nodes);
            cols[e] = rng.Next(nodes);
            vals[e] = 0.05f + 0.2f * (float)rng.NextDouble();
        }
        return CsrMatrix.FromCoo(nodes, nodes, rows, cols, vals);
    }

    /// <summary>A binary bag-of-words matrix like Cora's features: 2,708 × 1,433 with ~18 words per node.</summary>
    public static CsrMatrix CoraLikeFeatures(int seed = 3)
    {
        const int nodes = 2708, words = 1433, perNode = 18;
        var rng = new Random(seed);
        var rows = new int[nodes * perNode];
        var cols = new int[nodes * perNode];
        for (int i = 0; i < nodes; i++)
            for (int k = 0; k < perNode; k++) { rows[i * perNode + k] = i; cols[i * perNode + k] = rng.Next(words); }
        return CsrMatrix.FromCoo(nodes, words, rows, cols, sumDuplicates: true).WithValues(null);
    }

    public static float[] RandomFloats(int count, int seed)
    {
        var rng = new Random(seed);
        var v = new float[count];
        for (int i = 0; i < count; i++) v[i] = (float)(rng.NextDouble() * 2 - 1);
        return v;
    }
}
