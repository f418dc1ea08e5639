namespace Vigil.Nas.Cells;

/// <summary>How an intermediate node of a retrained cell joins the outputs of its incoming edges.</summary>
public enum NodeReduction
{
    /// <summary>Their sum, as DARTS and GraTO build nodes (and as the search cell always does).</summary>
    Sum,
    /// <summary>
    /// Their mean. A node of two edges doubles the scale under <see cref="Sum"/>, so a deep stack of weight-free
    /// propagations (appnp) grows without bound unless PairNorm rescales every operation; the mean keeps the scale
    /// without PairNorm's centring, which a ReLU after it partly destroys at every operation.
    /// </summary>
    Mean,
}
