namespace Vigil.Nas.Training;

/// <summary>Mean and population standard deviation of per-seed results (as papers report "mean ± std").</summary>
public sealed record MeanStd(double Mean, double Std)
{
    public static MeanStd Of(IEnumerable<double> values)
    {
        var v = values.ToArray();
        if (v.Length == 0) throw new ArgumentException("Mean and deviation need at least one value.");
        double mean = v.Average();
        return new MeanStd(mean, Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / v.Length));
    }

    public override string ToString() => $"{Mean:F4} ± {Std:F4}";
}
