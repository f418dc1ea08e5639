namespace Vigil.Core.Metrics;

/// <summary>
/// The points of a binary ROC curve: false- and true-positive rates as the decision threshold falls from above the
/// highest score to the lowest, one point per distinct score (tied scores move together, so the trapezoidal area
/// under these points equals <see cref="RocAuc.Binary(ReadOnlySpan{bool}, ReadOnlySpan{double})"/>). Starts at (0, 0)
/// and ends at (1, 1). Empty when the samples hold no positive or no negative.
/// </summary>
public sealed record RocCurve(double[] FalsePositiveRate, double[] TruePositiveRate)
{
    public static RocCurve Compute(ReadOnlySpan<bool> isPositive, ReadOnlySpan<double> scores)
    {
        if (isPositive.Length != scores.Length)
            throw new ArgumentException($"There are {isPositive.Length} positivity flags but {scores.Length} scores.");
        var keys = scores.ToArray();
        var order = new int[keys.Length];
        long positives = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            if (!double.IsFinite(keys[i])) throw new ArgumentException($"Score {keys[i]} of sample {i} is not finite.");
            order[i] = i;
            if (isPositive[i]) positives++;
        }
        long negatives = keys.Length - positives;
        if (positives == 0 || negatives == 0) return new RocCurve(Array.Empty<double>(), Array.Empty<double>());
        Array.Sort(keys, order);
        var fpr = new List<double> { 0 };
        var tpr = new List<double> { 0 };
        long tp = 0, fp = 0;
        for (int end = keys.Length - 1; end >= 0;)
        {
            int start = end;
            while (start - 1 >= 0 && keys[start - 1] == keys[end]) start--;
            for (int k = start; k <= end; k++)
            {
                if (isPositive[order[k]]) tp++; else fp++;
            }
            fpr.Add((double)fp / negatives);
            tpr.Add((double)tp / positives);
            end = start - 1;
        }
        return new RocCurve(fpr.ToArray(), tpr.ToArray());
    }

    /// <summary>Trapezoidal area under the points.</summary>
    public double Area()
    {
        double area = 0;
        for (int i = 1; i < FalsePositiveRate.Length; i++)
            area += (FalsePositiveRate[i] - FalsePositiveRate[i - 1]) * (TruePositiveRate[i] + TruePositiveRate[i - 1]) / 2;
        return area;
    }
}
