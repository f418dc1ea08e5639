namespace Vigil.Graphs.IO;

/// <summary>
/// An n-dimensional NumPy array in C (row-major) order: its dtype, its shape and its elements as one flat typed
/// .NET array (<c>float[]</c>, <c>double[]</c>, <c>int[]</c>, <c>long[]</c>, <c>bool[]</c> or <c>byte[]</c>).
/// A rank-0 array (shape <c>()</c>) holds one element.
/// </summary>
public sealed class NpyArray
{
    public NpyDType DType { get; }
    /// <summary>The dimensions; empty for a scalar.</summary>
    public int[] Shape { get; }
    /// <summary>The elements in C order; its element type matches <see cref="DType"/>.</summary>
    public Array Data { get; }
    public int Length => Data.Length;
    public int Rank => Shape.Length;

    private NpyArray(NpyDType dtype, Array data, int[] shape, bool vectorWhenNoShape = true)
    {
        // The public constructors read "no shape" as a vector of all the data; scalars come from Zeros(dtype, []).
        shape = shape.Length == 0 && vectorWhenNoShape ? new[] { data.Length } : (int[])shape.Clone();
        long count = 1;
        foreach (var d in shape)
        {
            if (d < 0) throw new ArgumentException($"NumPy shape ({string.Join(", ", shape)}) has a negative dimension.");
            count *= d;
        }
        if (count != data.Length)
            throw new ArgumentException($"NumPy shape ({string.Join(", ", shape)}) needs {count} elements, the data holds {data.Length}.");
        DType = dtype; Data = data; Shape = shape;
    }

    public NpyArray(float[] data, params int[] shape) : this(NpyDType.Float32, data, shape) { }
    public NpyArray(double[] data, params int[] shape) : this(NpyDType.Float64, data, shape) { }
    public NpyArray(int[] data, params int[] shape) : this(NpyDType.Int32, data, shape) { }
    public NpyArray(long[] data, params int[] shape) : this(NpyDType.Int64, data, shape) { }
    public NpyArray(bool[] data, params int[] shape) : this(NpyDType.Bool, data, shape) { }
    public NpyArray(byte[] data, params int[] shape) : this(NpyDType.UInt8, data, shape) { }

    /// <summary>A zero-filled array of the given dtype and shape; an empty shape makes a scalar.</summary>
    public static NpyArray Zeros(NpyDType dtype, int[] shape)
    {
        long count = 1;
        foreach (var d in shape) count *= d;
        if (count > Array.MaxLength)
            throw new ArgumentException($"NumPy shape ({string.Join(", ", shape)}) has {count} elements, more than a .NET array holds ({Array.MaxLength}).");
        int n = (int)count;
        Array data = dtype switch
        {
            NpyDType.Bool => new bool[n],
            NpyDType.UInt8 => new byte[n],
            NpyDType.Int32 => new int[n],
            NpyDType.Int64 => new long[n],
            NpyDType.Float32 => new float[n],
            NpyDType.Float64 => new double[n],
            _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Unknown NpyDType."),
        };
        return new NpyArray(dtype, data, shape, vectorWhenNoShape: false);
    }

    /// <summary>The elements as <typeparamref name="T"/>[] without copying; throws when the dtype differs.</summary>
    public T[] Get<T>() => Data as T[] ??
        throw new InvalidOperationException($"NumPy array holds {DType} ({DType.Descriptor()}), not {typeof(T).Name}.");

    /// <summary>
    /// The elements as int32: int32 data as is, other integer and bool data converted (range-checked). Floats are
    /// refused rather than truncated, since a float array where integers belong is a wrong file, not a rounding.
    /// </summary>
    public int[] ToInt32()
    {
        switch (Data)
        {
            case int[] i: return i;
            case long[] l:
                var r = new int[l.Length];
                for (int k = 0; k < l.Length; k++)
                {
                    if (l[k] < int.MinValue || l[k] > int.MaxValue)
                        throw new InvalidDataException($"value {l[k]} at index {k} does not fit in int32.");
                    r[k] = (int)l[k];
                }
                return r;
            case byte[] b: return Array.ConvertAll(b, x => (int)x);
            case bool[] f: return Array.ConvertAll(f, x => x ? 1 : 0);
            default: throw new InvalidDataException($"holds {DType} ({DType.Descriptor()}) where integers are expected.");
        }
    }

    /// <summary>The elements as int64 (integer and bool data; floats are refused as in <see cref="ToInt32"/>).</summary>
    public long[] ToInt64() => Data switch
    {
        long[] l => l,
        int[] i => Array.ConvertAll(i, x => (long)x),
        byte[] b => Array.ConvertAll(b, x => (long)x),
        bool[] f => Array.ConvertAll(f, x => x ? 1L : 0L),
        _ => throw new InvalidDataException($"holds {DType} ({DType.Descriptor()}) where integers are expected."),
    };

    /// <summary>The elements as float32, converting any numeric dtype (float64 is rounded to nearest).</summary>
    public float[] ToFloat32() => Data switch
    {
        float[] f => f,
        double[] d => Array.ConvertAll(d, x => (float)x),
        int[] i => Array.ConvertAll(i, x => (float)x),
        long[] l => Array.ConvertAll(l, x => (float)x),
        byte[] b => Array.ConvertAll(b, x => (float)x),
        bool[] f => Array.ConvertAll(f, x => x ? 1f : 0f),
        _ => throw new InvalidDataException($"holds {DType} ({DType.Descriptor()}) where numbers are expected."),
    };

    /// <summary>The elements as float64, converting any numeric dtype.</summary>
    public double[] ToFloat64() => Data switch
    {
        double[] d => d,
        float[] f => Array.ConvertAll(f, x => (double)x),
        int[] i => Array.ConvertAll(i, x => (double)x),
        long[] l => Array.ConvertAll(l, x => (double)x),
        byte[] b => Array.ConvertAll(b, x => (double)x),
        bool[] f => Array.ConvertAll(f, x => x ? 1d : 0d),
        _ => throw new InvalidDataException($"holds {DType} ({DType.Descriptor()}) where numbers are expected."),
    };

    /// <summary>
    /// The elements as bool: bool data as is; integer data must be 0 or 1 (masks saved as integers), anything
    /// else is refused so that an index list is never mistaken for a mask.
    /// </summary>
    public bool[] ToBoolean()
    {
        if (Data is bool[] f) return f;
        long[] v = DType switch
        {
            NpyDType.UInt8 or NpyDType.Int32 or NpyDType.Int64 => ToInt64(),
            _ => throw new InvalidDataException($"holds {DType} ({DType.Descriptor()}) where booleans are expected."),
        };
        var r = new bool[v.Length];
        for (int k = 0; k < v.Length; k++)
        {
            if (v[k] is not (0 or 1)) throw new InvalidDataException($"value {v[k]} at index {k} is not a boolean (0 or 1).");
            r[k] = v[k] == 1;
        }
        return r;
    }

    public override string ToString() => $"NpyArray({DType.Descriptor()}, ({string.Join(", ", Shape)}{(Rank == 1 ? "," : "")}))";
}
