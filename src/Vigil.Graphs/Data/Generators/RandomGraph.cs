using Vigil.Core.Sparse;

namespace Vigil.Graphs.Data.Generators;

/// <summary>
/// A uniformly random simple graph (Erdős–Rényi with a fixed edge count: distinct edges, no self-loops) with
/// standard-normal dense features, uniformly random labels and a random split: structure and sizes for
/// benchmarks, no signal to learn. Deterministic in the seed; O(edges + nodes·features).
/// </summary>
public static class RandomGraph
{
    public static Graph Generate(RandomGraphOptions? options = null)
    {
        var o = options ?? new RandomGraphOptions();
        int n = o.Nodes;
        if (n < 2) throw new ArgumentException($"A random graph needs at least 2 nodes, got {n}.");
        if (o.Edges < 0 || (o.Symmetric && o.Edges % 2 != 0))
            throw new ArgumentException($"Edge count {o.Edges} must be non-negative{(o.Symmetric ? " and even for a symmetric graph" : "")}.");
        // Rejection sampling of distinct edges stays cheap only while most candidate pairs are free.
        if (o.Edges > (long)n * (n - 1) / 2)
            throw new ArgumentException($"{o.Edges} edges on {n} nodes is more than half of all {(long)n * (n - 1)} ordered pairs; use a sparser graph.");
        if (o.Edges > Array.MaxLength) throw new ArgumentException($"{o.Edges} edges exceed the largest array.");
        if (o.FeatureDim < 1 || o.Classes < 1) throw new ArgumentException("Feature dimension and class count must be positive.");

        var rng = new SeededRandom(o.Seed);
        int m = (int)o.Edges;
        var src = new int[m];
        var dst = new int[m];
        int draws = o.Symmetric ? m / 2 : m;
        var seen = new HashSet<long>(draws);
        for (int e = 0; e < draws;)
        {
            int u = rng.NextInt(n), v = rng.NextInt(n);
            if (u == v) continue;
            // Undirected pairs are keyed by (min, max) so (u, v) and (v, u) count as one.
            long key = o.Symmetric ? (long)Math.Min(u, v) * n + Math.Max(u, v) : (long)u * n + v;
            if (!seen.Add(key)) continue;
            if (o.Symmetric)
            {
                src[2 * e] = u; dst[2 * e] = v;
                src[2 * e + 1] = v; dst[2 * e + 1] = u;
            }
            else { src[e] = u; dst[e] = v; }
            e++;
        }
        seen = null; // let the ~40 MB of keys go before the features are allocated
        var adjacency = CsrMatrix.FromCoo(n, n, dst, src);

        var x = new float[(long)n * o.FeatureDim];
        for (long i = 0; i < x.LongLength; i++) x[i] = (float)rng.NextGaussian();
        var labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = rng.NextInt(o.Classes);
        var split = NodeSplit.RandomFractions(n, o.TrainFraction, o.ValFraction, unchecked((int)o.Seed));

        return new Graph($"random(n={n}, e={o.Edges}{(o.Symmetric ? ", symmetric" : "")}, seed={o.Seed})",
            adjacency, new FeatureMatrix(n, o.FeatureDim, x), labels, split.Train, split.Val, split.Test, o.Classes)
        {
            SplitDescription = split.Description,
        };
    }
}
