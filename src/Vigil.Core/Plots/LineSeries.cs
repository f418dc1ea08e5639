namespace Vigil.Core.Plots;

/// <summary>One named line of a <see cref="LineChart"/>: points (X[i], Y[i]); NaN points are left out.</summary>
public sealed record LineSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    public LineSeries Validated()
    {
        if (string.IsNullOrWhiteSpace(Name)) throw new ArgumentException("A chart series needs a name for the legend.");
        if (X.Count != Y.Count) throw new ArgumentException($"Series '{Name}' has {X.Count} x values but {Y.Count} y values.");
        return this;
    }
}
