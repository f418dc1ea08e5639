namespace Vigil.Bots.IO.Csv;

/// <summary>
/// Reads a CSV file line by line through one reusable byte buffer (doubled only for a line longer than it), with
/// 1-based line numbers. TwiBot's CSV files hold ids and words only, so fields are split at commas without quoting.
/// Blank lines carry nothing and are passed over; a trailing carriage return is dropped.
/// </summary>
internal sealed class CsvLineReader : IDisposable
{
    private readonly FileStream _stream;
    private byte[] _buffer;
    private int _start, _end;
    private bool _eof;

    public CsvLineReader(string path, int bufferSize)
    {
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        _buffer = new byte[Math.Max(16, bufferSize)];
    }

    /// <summary>The line number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            int newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = _buffer.AsSpan(_start, newline);
                _start += newline + 1;
                LineNumber++;
                if (!line.IsEmpty && line[^1] == '\r') line = line[..^1];
                if (LineNumber == 1 && line.StartsWith("\uFEFF"u8)) line = line[3..];
                if (line.IsEmpty) continue;
                return true;
            }
            if (_eof)
            {
                if (_start == _end) { line = default; return false; }
                line = _buffer.AsSpan(_start, _end - _start);
                _start = _end;
                LineNumber++;
                if (line[^1] == '\r') line = line[..^1];
                if (LineNumber == 1 && line.StartsWith("\uFEFF"u8)) line = line[3..];
                if (line.IsEmpty) continue;
                return true;
            }
            Refill();
        }
    }

    /// <summary>Splits a line at commas into <paramref name="fields"/>; returns the number of fields (more than fit is counted, not stored).</summary>
    public static int Split(ReadOnlySpan<byte> line, Span<Range> fields)
    {
        int count = 0, start = 0;
        while (true)
        {
            int comma = line[start..].IndexOf((byte)',');
            int end = comma < 0 ? line.Length : start + comma;
            if (count < fields.Length) fields[count] = new Range(start, end);
            count++;
            if (comma < 0) return count;
            start = end + 1;
        }
    }

    private void Refill()
    {
        int left = _end - _start;
        if (left == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        else if (left > 0) Buffer.BlockCopy(_buffer, _start, _buffer, 0, left);
        _start = 0;
        _end = left;
        int n = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0) _eof = true;
        _end += n;
    }

    public void Dispose() => _stream.Dispose();
}
