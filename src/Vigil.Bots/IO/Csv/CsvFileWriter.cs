using Vigil.Bots.Data;

namespace Vigil.Bots.IO.Csv;

/// <summary>Writes a CSV file of ids and words through one byte buffer (no quoting is ever needed for them).</summary>
internal sealed class CsvFileWriter : IDisposable
{
    private readonly FileStream _stream;
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _used;

    public CsvFileWriter(string path, ReadOnlySpan<byte> header)
    {
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        Write(header);
        EndLine();
    }

    public void Write(ReadOnlySpan<byte> utf8)
    {
        if (_buffer.Length - _used < utf8.Length) Flush();
        if (utf8.Length > _buffer.Length) { _stream.Write(utf8); return; }
        utf8.CopyTo(_buffer.AsSpan(_used));
        _used += utf8.Length;
    }

    public void WriteId(EntityKind kind, long id)
    {
        if (_buffer.Length - _used < TwiBotId.MaxLength) Flush();
        _used += TwiBotId.Format(kind, id, _buffer.AsSpan(_used));
    }

    public void Comma() => Write(","u8);

    public void EndLine() => Write("\n"u8);

    private void Flush()
    {
        _stream.Write(_buffer, 0, _used);
        _used = 0;
    }

    public void Dispose()
    {
        Flush();
        _stream.Dispose();
    }
}
