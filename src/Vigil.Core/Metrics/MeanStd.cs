namespace Vigil.Core.Metrics;

/// <summary>
/// Mean and sample standard deviation (n − 1 in the denominator; 0 for a single value) of repeated measurements,
/// such as one metric over the seeds of a benchmark. NaN values (an undefined ROC-AUC) are left out and
/// <see cref="Count"/> says how many were used; with none, mean and std are NaN.
/// </summary>
public readonly record struct MeanStd(double Mean, double Std, int Count)
{
    public static MeanStd Of(IEnumerable<double> values)
    {
        double sum = 0, sumSquares = 0;
        int n = 0;
        var kept = new List<double>();
        foreach (var v in values)
        {
            if (double.IsNaN(v)) continue;
            kept.Add(v);
            sum += v;
            n++;
        }
        if (n == 0) return new MeanStd(double.NaN, double.NaN, 0);
        // Identical values (a deterministic method over seeds) give exactly that value and std 0, not rounding noise.
        if (kept.TrueForAll(v => v == kept[0])) return new MeanStd(kept[0], 0, n);
        double mean = sum / n;
        foreach (var v in kept) sumSquares += (v - mean) * (v - mean);
        return new MeanStd(mean, n == 1 ? 0 : Math.Sqrt(sumSquares / (n - 1)), n);
    }

    /// <summary><c>mean ± std</c> with <paramref name="format"/> for both (e.g. "F4"); "–" when undefined.</summary>
    public string Format(string format = "F4", double scale = 1) =>
        Count == 0 ? "–" : $"{(Mean * scale).ToString(format, System.Globalization.CultureInfo.InvariantCulture)} ± {(Std * scale).ToString(format, System.Globalization.CultureInfo.InvariantCulture)}";
}
