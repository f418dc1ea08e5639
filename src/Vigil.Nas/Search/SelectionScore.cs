namespace Vigil.Nas.Search;

/// <summary>GraTO's model-selection score: the harmonic mean 2/(1/MAD + 1/F1) of MAD and macro-F1.</summary>
public static class SelectionScore
{
    /// <summary>0 when either is 0, negative or NaN (no smoothness or no correct class counts as worthless).</summary>
    public static double HarmonicMean(double mad, double macroF1) =>
        mad > 0 && macroF1 > 0 ? 2 * mad * macroF1 / (mad + macroF1) : 0;
}
