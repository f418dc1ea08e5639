namespace Vigil.Core.Text;

/// <summary>Row operations on row-major float vectors shared by the encoders.</summary>
public static class VectorRows
{
    /// <summary>Scales <paramref name="row"/> to unit L2 norm; a zero row stays zero.</summary>
    public static void Normalize(Span<float> row)
    {
        double sum = 0;
        foreach (float v in row) sum += (double)v * v;
        if (sum == 0) return;
        float scale = (float)(1.0 / Math.Sqrt(sum));
        for (int i = 0; i < row.Length; i++) row[i] *= scale;
    }

    /// <summary>Dot product, which is the cosine similarity for the unit rows encoders return.</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"Vectors differ in length: {a.Length} and {b.Length}.");
        return System.Numerics.Tensors.TensorPrimitives.Dot(a, b);
    }

    /// <summary>A zeroed row-major [rows, dimension] matrix, or a clear error when it cannot be one array.</summary>
    public static float[] Allocate(int rows, int dimension)
    {
        long size = (long)rows * dimension;
        if (size > Array.MaxLength)
            throw new ArgumentException($"{rows} texts × {dimension} dimensions do not fit one array; encode in batches with {nameof(BatchedEncoding)}.{nameof(BatchedEncoding.EncodeStream)}.");
        return new float[size];
    }

    /// <summary>Row <paramref name="row"/> of a row-major matrix with <paramref name="dimension"/> columns.</summary>
    public static Span<float> Row(float[] matrix, int dimension, int row) => matrix.AsSpan(row * dimension, dimension);
}
