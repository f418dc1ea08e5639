namespace Vigil.Graphs.Smoothness;

/// <summary>How a MAD value is obtained.</summary>
public enum MadMethod
{
    /// <summary>Exact when rows × columns ≤ <see cref="MadOptions.ExactMaxPairs"/>, sampled otherwise.</summary>
    Auto,
    /// <summary>Every selected pair, computed in row blocks (memory O(block · columns)).</summary>
    Exact,
    /// <summary>The seeded estimator described on <see cref="MadOptions"/>.</summary>
    Sampled,
}
