namespace Vigil.Graphs.IO;

/// <summary>The element types this reader and writer support (NumPy names in the comments).</summary>
public enum NpyDType
{
    /// <summary><c>|b1</c>, one byte per element.</summary>
    Bool,
    /// <summary><c>|u1</c>.</summary>
    UInt8,
    /// <summary><c>&lt;i4</c>.</summary>
    Int32,
    /// <summary><c>&lt;i8</c>.</summary>
    Int64,
    /// <summary><c>&lt;f4</c>.</summary>
    Float32,
    /// <summary><c>&lt;f8</c>.</summary>
    Float64,
}

public static class NpyDTypeInfo
{
    public static int ItemSize(this NpyDType dtype) => dtype switch
    {
        NpyDType.Bool or NpyDType.UInt8 => 1,
        NpyDType.Int32 or NpyDType.Float32 => 4,
        NpyDType.Int64 or NpyDType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Unknown NpyDType."),
    };

    /// <summary>The little-endian descriptor NumPy writes, e.g. <c>&lt;f4</c>.</summary>
    public static string Descriptor(this NpyDType dtype) => dtype switch
    {
        NpyDType.Bool => "|b1",
        NpyDType.UInt8 => "|u1",
        NpyDType.Int32 => "<i4",
        NpyDType.Int64 => "<i8",
        NpyDType.Float32 => "<f4",
        NpyDType.Float64 => "<f8",
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Unknown NpyDType."),
    };

    public static Type ElementType(this NpyDType dtype) => dtype switch
    {
        NpyDType.Bool => typeof(bool),
        NpyDType.UInt8 => typeof(byte),
        NpyDType.Int32 => typeof(int),
        NpyDType.Int64 => typeof(long),
        NpyDType.Float32 => typeof(float),
        NpyDType.Float64 => typeof(double),
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Unknown NpyDType."),
    };

    /// <summary>
    /// Parses a NumPy type descriptor. Byte order may be <c>&lt;</c>, <c>=</c> (little on every platform .NET
    /// runs this on), <c>&gt;</c> (big: the caller swaps) or <c>|</c>; one-byte types ignore it.
    /// Returns null for anything unsupported.
    /// </summary>
    internal static (NpyDType DType, bool BigEndian)? Parse(string descr)
    {
        if (descr.Length < 2) return null;
        char order = descr[0];
        if (order is not ('<' or '>' or '=' or '|')) return null;
        NpyDType? t = descr[1..] switch
        {
            "b1" => NpyDType.Bool,
            "u1" => NpyDType.UInt8,
            "i4" => NpyDType.Int32,
            "i8" => NpyDType.Int64,
            "f4" => NpyDType.Float32,
            "f8" => NpyDType.Float64,
            _ => null,
        };
        if (t is not { } dtype) return null;
        // '|' means "not applicable", which NumPy only writes for one-byte types.
        if (order == '|' && dtype.ItemSize() != 1) return null;
        return (dtype, order == '>' && dtype.ItemSize() > 1);
    }
}
