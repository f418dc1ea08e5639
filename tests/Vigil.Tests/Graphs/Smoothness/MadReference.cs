namespace Vigil.Tests.Graphs.Smoothness;

/// <summary>
/// A literal, quadratic-memory transcription of MAD as in Chen et al.'s reference code (full distance matrix,
/// D ∘ M, row sums over non-zero counts, mean over non-zero row means), with Floyd–Warshall hop distances, to check
/// the blocked and sampled implementations against.
/// </summary>
internal static class MadReference
{
    public static double[,] CosineDistances(float[] h, int n, int d)
    {
        var dist = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                if (i == j) continue; // sklearn sets the diagonal to exactly 0
                double dot = 0, ni = 0, nj = 0;
                for (int k = 0; k < d; k++) { dot += h[i * d + k] * (double)h[j * d + k]; ni += h[i * d + k] * (double)h[i * d + k]; nj += h[j * d + k] * (double)h[j * d + k]; }
                double sim = ni == 0 || nj == 0 ? 0 : dot / (Math.Sqrt(ni) * Math.Sqrt(nj));
                dist[i, j] = 1 - sim;
            }
        return dist;
    }

    public static double Mad(double[,] dist, Func<int, int, bool> mask, IEnumerable<int> rows)
    {
        int n = dist.GetLength(0);
        double total = 0; int nonZeroRows = 0;
        foreach (int i in rows)
        {
            double sum = 0; int count = 0;
            for (int j = 0; j < n; j++)
            {
                double v = mask(i, j) ? dist[i, j] : 0;
                if (v != 0) { sum += v; count++; }
            }
            double rowMean = count == 0 ? 0 : sum / count;
            if (rowMean != 0) { total += rowMean; nonZeroRows++; }
        }
        return nonZeroRows == 0 ? 0 : total / nonZeroRows;
    }

    /// <summary>All-pairs hop distances of the undirected graph with edges (a, b); int.MaxValue when unreachable.</summary>
    public static int[,] HopDistances(int n, IEnumerable<(int A, int B)> edges)
    {
        const int inf = int.MaxValue / 2;
        var h = new int[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) h[i, j] = i == j ? 0 : inf;
        foreach (var (a, b) in edges) { if (a != b) { h[a, b] = 1; h[b, a] = 1; } }
        for (int k = 0; k < n; k++)
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    if (h[i, k] + h[k, j] < h[i, j]) h[i, j] = h[i, k] + h[k, j];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) if (h[i, j] >= inf) h[i, j] = int.MaxValue;
        return h;
    }
}
