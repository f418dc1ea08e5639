using Vigil.Core.Sparse;

namespace Vigil.Graphs.Data.Generators;

/// <summary>
/// The contextual stochastic block model (Deshpande et al. 2018): balanced classes, edges that join same-class
/// nodes with probability <see cref="ContextualSbmOptions.EdgeHomophily"/>, and Gaussian features around a
/// random mean per class. Sampling draws exactly ⌊n·d/2⌉ distinct undirected edges, each by a uniform endpoint
/// and a uniform partner inside or outside its class, so it costs O(n·d) time and memory (never n×n), and every
/// output is a function of the seed.
/// </summary>
public static class ContextualSbm
{
    public static Graph Generate(ContextualSbmOptions? options = null)
    {
        var o = options ?? new ContextualSbmOptions();
        int n = o.Nodes, k = o.Classes;
        if (k < 1 || n < 2 * k) throw new ArgumentException($"CSBM needs at least 1 class and 2 nodes per class, got {n} nodes for {k} classes.");
        if (o.EdgeHomophily is < 0 or > 1 || double.IsNaN(o.EdgeHomophily))
            throw new ArgumentException($"CSBM edge homophily must lie in [0, 1], got {o.EdgeHomophily}.");
        if (k == 1 && o.EdgeHomophily < 1) throw new ArgumentException("CSBM with one class can only have edge homophily 1.");
        if (o.AverageDegree < 0 || o.AverageDegree > (n - 1) / 4.0)
            throw new ArgumentException($"CSBM average degree {o.AverageDegree} must lie in [0, (n − 1)/4 = {(n - 1) / 4.0}] (sparse graphs only).");
        if (o.FeatureDim < 1) throw new ArgumentException($"CSBM feature dimension must be positive, got {o.FeatureDim}.");

        var rng = new SeededRandom(o.Seed);

        // Balanced labels in random order, so node ids carry no class information.
        var labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = i % k;
        rng.Shuffle(labels.AsSpan());
        var members = new int[k][];
        var counts = new int[k];
        foreach (var y in labels) counts[y]++;
        for (int c = 0; c < k; c++) members[c] = new int[counts[c]];
        Array.Clear(counts);
        for (int i = 0; i < n; i++) members[labels[i]][counts[labels[i]]++] = i;

        long edges = (long)Math.Round(n * o.AverageDegree / 2);
        var src = new int[2 * edges];
        var dst = new int[2 * edges];
        var seen = new HashSet<long>((int)edges);
        long attempts = 0, maxAttempts = 100 * edges + 1000;
        for (long e = 0; e < edges;)
        {
            if (++attempts > maxAttempts)
                throw new InvalidOperationException($"CSBM could not place {edges} distinct edges; the requested graph is too dense for its classes.");
            int u = rng.NextInt(n);
            int cu = labels[u];
            int cv = rng.NextDouble() < o.EdgeHomophily ? cu : OtherClass(rng, cu, k);
            int v = members[cv][rng.NextInt(members[cv].Length)];
            if (u == v) continue;
            long key = (long)Math.Min(u, v) * n + Math.Max(u, v);
            if (!seen.Add(key)) continue;
            src[2 * e] = u; dst[2 * e] = v;
            src[2 * e + 1] = v; dst[2 * e + 1] = u;
            e++;
        }
        var adjacency = CsrMatrix.FromCoo(n, n, dst, src);

        int d = o.FeatureDim;
        var means = new double[k * d];
        for (int c = 0; c < k; c++)
        {
            var mean = means.AsSpan(c * d, d);
            double norm = 0;
            for (int j = 0; j < d; j++) { mean[j] = rng.NextGaussian(); norm += mean[j] * mean[j]; }
            double scale = o.FeatureSignal / Math.Sqrt(norm);
            for (int j = 0; j < d; j++) mean[j] *= scale;
        }
        var x = new float[(long)n * d];
        for (int i = 0; i < n; i++)
        {
            int mu = labels[i] * d;
            for (int j = 0; j < d; j++) x[(long)i * d + j] = (float)(means[mu + j] + rng.NextGaussian());
        }

        var split = NodeSplit.PerClass(labels, o.TrainPerClass, o.ValPerClass, unchecked((int)o.Seed));
        return new Graph($"csbm(n={n}, k={k}, deg={o.AverageDegree}, h={o.EdgeHomophily}, seed={o.Seed})",
            adjacency, new FeatureMatrix(n, d, x), labels, split.Train, split.Val, split.Test, k)
        {
            SplitDescription = split.Description,
        };
    }

    /// <summary>
    /// The edge-homophily fraction of a balanced <paramref name="classes"/>-class SBM whose within-class edge
    /// probability is <paramref name="pInOverPOut"/> times its between-class one: r / (r + classes − 1).
    /// </summary>
    public static double EdgeHomophilyForRatio(double pInOverPOut, int classes)
    {
        if (pInOverPOut < 0 || classes < 1) throw new ArgumentException($"Need a non-negative ratio and a positive class count, got {pInOverPOut} and {classes}.");
        return pInOverPOut / (pInOverPOut + classes - 1);
    }

    private static int OtherClass(SeededRandom rng, int c, int k)
    {
        int o = rng.NextInt(k - 1);
        return o >= c ? o + 1 : o;
    }
}
