namespace Vigil.Bots.Validation;

/// <summary>
/// Where a problem is: a file and a 1-based line (CSV), a 0-based byte offset (JSON), or neither when the problem
/// concerns the file or dataset as a whole (e.g. a user missing from <c>split.csv</c>).
/// </summary>
public readonly record struct DataPosition(string File, long? Line = null, long? ByteOffset = null)
{
    public static DataPosition AtLine(string file, long line) => new(file, line, null);

    public static DataPosition AtOffset(string file, long byteOffset) => new(file, null, byteOffset);

    /// <summary><c>edge.csv:12</c>, <c>user.json@byte 4711</c> or just the file name.</summary>
    public override string ToString() =>
        Line is { } l ? $"{File}:{l}" : ByteOffset is { } b ? $"{File}@byte {b}" : File;
}
