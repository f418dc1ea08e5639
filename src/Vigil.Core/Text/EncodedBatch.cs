namespace Vigil.Core.Text;

/// <summary>
/// One batch of a streamed encoding: texts <see cref="FirstIndex"/> … <see cref="FirstIndex"/> + Count − 1 of
/// the input, as row-major [Count, Dimension] vectors.
/// </summary>
public sealed record EncodedBatch(long FirstIndex, int Count, int Dimension, float[] Vectors)
{
    /// <summary>The vector of the batch's <paramref name="row"/>-th text.</summary>
    public ReadOnlySpan<float> Row(int row)
    {
        if ((uint)row >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(row), $"Row {row} is outside the batch's {Count} rows.");
        return Vectors.AsSpan(row * Dimension, Dimension);
    }
}
