using System.Text.Json;

namespace Vigil.Bots.IO.Json;

/// <summary>
/// Where the <see cref="Utf8JsonReader"/> of a streamed file stands: the buffer it reads, the part of it filled from
/// the file, the file offset of the buffer's first byte, and the index the reader starts at. A handler that reads some
/// bytes itself (<see cref="RecordScanner"/>) moves the reader past them with <see cref="Restart"/>; the window then
/// keeps the anchor that turns the new reader's line and byte-in-line counts back into a file offset, so a JSON error
/// is still placed at its byte in the file.
/// </summary>
internal sealed class JsonReadWindow
{
    // The reader's line counters were (AnchorLine, AnchorInLine) at file offset AnchorOffset.
    private long _anchorOffset, _anchorLine, _anchorInLine;

    public byte[] Buffer { get; private set; } = Array.Empty<byte>();

    /// <summary>Buffer bytes [0, Filled) hold file data.</summary>
    public int Filled { get; private set; }

    /// <summary>True when the buffer holds the end of the file.</summary>
    public bool Final { get; private set; }

    /// <summary>File offset of <c>Buffer[0]</c>.</summary>
    public long BufferOffset { get; private set; }

    /// <summary>Buffer index of the reader's first byte.</summary>
    public int ReaderStart { get; private set; }

    /// <summary>File offset of the reader's first byte: a token starts at <c>ReaderOffset + reader.TokenStartIndex</c>.</summary>
    public long ReaderOffset => BufferOffset + ReaderStart;

    /// <summary>
    /// The file's first reader, at <paramref name="start"/> (past a byte-order mark): its counters start at line 0, byte 0.
    /// </summary>
    public void Begin(int start) => (_anchorOffset, _anchorLine, _anchorInLine) = (start, 0, 0);

    /// <summary>A reader over <c>Buffer[start..Filled)</c>, continuing from <paramref name="state"/>.</summary>
    public Utf8JsonReader Read(byte[] buffer, long bufferOffset, int start, int filled, bool final, JsonReaderState state)
    {
        (Buffer, BufferOffset, ReaderStart, Filled, Final) = (buffer, bufferOffset, start, filled, final);
        return new Utf8JsonReader(buffer.AsSpan(start, filled - start), final, state);
    }

    /// <summary>
    /// Replaces <paramref name="reader"/> by one that starts at buffer index <paramref name="start"/> in
    /// <paramref name="state"/>, a state whose counters stand at line 0, byte <paramref name="stateInLine"/>.
    /// </summary>
    public void Restart(ref Utf8JsonReader reader, int start, JsonReaderState state, long stateInLine)
    {
        ReaderStart = start;
        (_anchorOffset, _anchorLine, _anchorInLine) = (BufferOffset + start, 0, stateInLine);
        reader = new Utf8JsonReader(Buffer.AsSpan(start, Filled - start), Final, state);
    }

    /// <summary>
    /// The file offset of a reader error at (<paramref name="line"/>, <paramref name="inLine"/>) of the reader's own
    /// counters. Only on error: when the error is lines past the anchor, the file is read again to find that line.
    /// </summary>
    public long ErrorOffset(string path, long line, long inLine)
    {
        if (line == _anchorLine) return _anchorOffset + (inLine - _anchorInLine);
        return LineStart(path, _anchorOffset, line - _anchorLine) + inLine;
    }

    /// <summary>The offset just after the <paramref name="lines"/>-th line feed at or after <paramref name="from"/> (the file's end when there are fewer).</summary>
    private static long LineStart(string path, long from, long lines)
    {
        long seen = 0;
        foreach (long start in LineStarts(path, from, long.MaxValue))
            if (++seen == lines) return start;
        return Math.Max(from, new FileInfo(path).Length);
    }

    /// <summary>
    /// The 0-based line and byte in the line of file offset <paramref name="offset"/>, counted as the reader counts them
    /// (line feeds only, from just past a byte-order mark of <paramref name="bom"/> bytes). Only on error.
    /// </summary>
    public static (long Line, long InLine) LineOf(string path, long offset, int bom)
    {
        long line = 0, lineStart = bom;
        foreach (long start in LineStarts(path, bom, offset))
        {
            line++;
            lineStart = start;
        }
        return (line, offset - lineStart);
    }

    /// <summary>The offset just after each line feed in [<paramref name="from"/>, <paramref name="until"/>) of the file, in order.</summary>
    private static IEnumerable<long> LineStarts(string path, long from, long until)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        stream.Position = from;
        var buffer = new byte[1 << 16];
        long position = from;
        int n;
        while (position < until && (n = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, until - position))) > 0)
        {
            for (int i = 0; ; )
            {
                int next = Array.IndexOf(buffer, (byte)'\n', i, n - i);
                if (next < 0) break;
                i = next + 1;
                yield return position + i;
            }
            position += n;
        }
    }
}
