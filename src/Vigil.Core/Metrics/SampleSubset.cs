namespace Vigil.Core.Metrics;

/// <summary>
/// Which samples an evaluation covers: an explicit index list or a boolean mask over all samples, resolved to a
/// validated index list. Duplicates are rejected because they would silently weight a sample twice.
/// </summary>
public static class SampleSubset
{
    /// <summary>
    /// The given indices after validation, or every index 0…<paramref name="length"/>−1 when null. Throws when the
    /// result is empty, an index is out of range, or an index repeats.
    /// </summary>
    public static int[] Resolve(int length, int[]? indices, string what = "samples")
    {
        if (indices is null)
        {
            if (length == 0) throw new ArgumentException($"Cannot evaluate {what}: there are no samples.");
            var all = new int[length];
            for (int i = 0; i < length; i++) all[i] = i;
            return all;
        }
        if (indices.Length == 0) throw new ArgumentException($"Cannot evaluate {what}: the index subset is empty.");
        var seen = new bool[length];
        for (int k = 0; k < indices.Length; k++)
        {
            int i = indices[k];
            if ((uint)i >= (uint)length)
                throw new ArgumentOutOfRangeException(nameof(indices), $"Index {i} at position {k} of the {what} subset is outside [0, {length}).");
            if (seen[i]) throw new ArgumentException($"Index {i} at position {k} of the {what} subset appears more than once.");
            seen[i] = true;
        }
        return indices;
    }

    /// <summary>The indices where <paramref name="mask"/> is true; the mask must cover all <paramref name="length"/> samples.</summary>
    public static int[] FromMask(bool[] mask, int length, string what = "samples")
    {
        if (mask.Length != length)
            throw new ArgumentException($"The {what} mask has {mask.Length} entries but there are {length} samples.");
        int count = 0;
        foreach (bool m in mask) if (m) count++;
        if (count == 0) throw new ArgumentException($"Cannot evaluate {what}: the mask selects no samples.");
        var idx = new int[count];
        for (int i = 0, k = 0; i < mask.Length; i++) if (mask[i]) idx[k++] = i;
        return idx;
    }
}
