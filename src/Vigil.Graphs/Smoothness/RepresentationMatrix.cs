using static TorchSharp.torch;

namespace Vigil.Graphs.Smoothness;

/// <summary>
/// Node representations H [N, D] (float32, row-major) prepared for cosine distances: each row's inverse norm is
/// kept in double precision so that distances between (nearly) identical rows come out as (nearly) exact zeros,
/// which matters because MAD counts non-zero distances. A zero row has cosine similarity 0 with every other row
/// (distance 1), as scikit-learn's and PyTorch's cosine functions give. The array passed in is used in place, not
/// copied: it must not change while the matrix is in use.
/// </summary>
public sealed class RepresentationMatrix
{
    private readonly float[] _data;
    private readonly double[] _inverseNorms;

    public int Rows { get; }
    public int Cols { get; }

    public RepresentationMatrix(float[] data, int rows, int cols)
    {
        if (rows < 0 || cols < 1) throw new ArgumentException($"Representation shape must be N ≥ 0 by D ≥ 1, got {rows}×{cols}.");
        if (data.LongLength != (long)rows * cols)
            throw new ArgumentException($"Representation data has {data.LongLength} values, expected {rows} × {cols} = {(long)rows * cols}.");
        _data = data; Rows = rows; Cols = cols;
        _inverseNorms = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            double sq = 0;
            var row = data.AsSpan(i * cols, cols);
            for (int k = 0; k < cols; k++)
            {
                float v = row[k];
                if (!float.IsFinite(v)) throw new ArgumentException($"Representation value {v} at row {i}, column {k} is not finite.");
                sq += (double)v * v;
            }
            _inverseNorms[i] = sq > 0 ? 1 / Math.Sqrt(sq) : 0;
        }
    }

    /// <summary>Copies a 2-D tensor [N, D] (any device, converted to float32) into a representation matrix.</summary>
    public static RepresentationMatrix FromTensor(Tensor representations)
    {
        if (representations.dim() != 2)
            throw new ArgumentException($"Representations must be a 2-D tensor [N, D], got shape [{string.Join(", ", representations.shape)}].");
        using var cpu = representations.detach().to(ScalarType.Float32, CPU).contiguous();
        return new RepresentationMatrix(cpu.data<float>().ToArray(), (int)cpu.shape[0], (int)cpu.shape[1]);
    }

    /// <summary>1 − cos(h_i, h_j), clamped to [0, 2]; exactly 0 on the diagonal.</summary>
    public double CosineDistance(int i, int j)
    {
        if ((uint)i >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(i), $"Row {i} is outside [0, {Rows}).");
        if ((uint)j >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(j), $"Row {j} is outside [0, {Rows}).");
        if (i == j) return 0;
        var a = _data.AsSpan(i * Cols, Cols);
        var b = _data.AsSpan(j * Cols, Cols);
        double dot = 0;
        for (int k = 0; k < a.Length; k++) dot += (double)a[k] * b[k];
        return Math.Clamp(1 - dot * _inverseNorms[i] * _inverseNorms[j], 0, 2);
    }

    /// <summary>
    /// Writes the unit-normalised rows <paramref name="nodes"/>[start … start+count) (node ids start…start+count
    /// when <paramref name="nodes"/> is null) into <paramref name="destination"/> as a row-major double block.
    /// </summary>
    internal void CopyNormalized(int[]? nodes, int start, int count, double[] destination)
    {
        for (int r = 0; r < count; r++)
        {
            int node = nodes?[start + r] ?? start + r;
            double inv = _inverseNorms[node];
            var src = _data.AsSpan(node * Cols, Cols);
            var dst = destination.AsSpan(r * Cols, Cols);
            for (int k = 0; k < Cols; k++) dst[k] = src[k] * inv;
        }
    }
}
