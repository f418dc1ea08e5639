namespace Vigil.Graphs.Smoothness;

/// <summary>
/// The two averaging steps of MAD (Chen et al., AAAI 2020, Eqs. 2–4) for several masks at once: a row's mean is
/// the average of its non-zero masked distances, and MAD averages the row means of rows with any non-zero masked
/// distance. A distance at or below <see cref="ZeroDistance"/> counts as zero: that is double-precision rounding
/// of identical directions, and counting it would let duplicated nodes dilute the row means.
/// </summary>
internal sealed class MadAccumulator
{
    public const double ZeroDistance = 1e-12;

    private readonly double[] _rowSum, _madSum;
    private readonly long[] _rowCount, _madRows;
    private readonly bool[] _anyPair;

    public MadAccumulator(int categories)
    {
        _rowSum = new double[categories + 1]; _madSum = new double[categories + 1];
        _rowCount = new long[categories + 1]; _madRows = new long[categories + 1];
        _anyPair = new bool[categories + 1];
    }

    public void Add(byte category, double distance)
    {
        _anyPair[category] = true;
        if (distance <= ZeroDistance) return;
        _rowSum[category] += distance;
        _rowCount[category]++;
    }

    public void EndRow()
    {
        for (int k = 1; k < _rowSum.Length; k++)
        {
            if (_rowCount[k] > 0) { _madSum[k] += _rowSum[k] / _rowCount[k]; _madRows[k]++; }
            _rowSum[k] = 0; _rowCount[k] = 0;
        }
    }

    /// <summary>
    /// MAD of each mask (index k − 1 for category k): 0 when the mask selects pairs but all their distances are
    /// zero (complete over-smoothing), NaN when it selects no pair at all (undefined).
    /// </summary>
    public double[] Result()
    {
        var r = new double[_rowSum.Length - 1];
        for (int k = 1; k < _rowSum.Length; k++)
            r[k - 1] = _madRows[k] > 0 ? _madSum[k] / _madRows[k] : _anyPair[k] ? 0 : double.NaN;
        return r;
    }
}
