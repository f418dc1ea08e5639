namespace Vigil.Bots.Statistics;

/// <summary>
/// A degree distribution in five numbers over <see cref="Nodes"/> nodes (zero degrees included): median of the two
/// middle values for an even count, p99 by nearest rank.
/// </summary>
public sealed record DegreeSummary(int Nodes, int Min, double Median, double Mean, int P99, int Max)
{
    public static DegreeSummary Of(ReadOnlySpan<int> degrees)
    {
        if (degrees.IsEmpty) return new DegreeSummary(0, 0, 0, 0, 0, 0);
        var sorted = degrees.ToArray();
        Array.Sort(sorted);
        int n = sorted.Length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + (double)sorted[n / 2]) / 2;
        long sum = 0;
        foreach (var d in sorted) sum += d;
        int p99 = sorted[(int)Math.Ceiling(0.99 * n) - 1];
        return new DegreeSummary(n, sorted[0], median, (double)sum / n, p99, sorted[^1]);
    }
}
