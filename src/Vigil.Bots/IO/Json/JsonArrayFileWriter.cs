using System.Text.Encodings.Web;
using System.Text.Json;

namespace Vigil.Bots.IO.Json;

/// <summary>
/// Writes one JSON array of objects to a file with <see cref="Utf8JsonWriter"/>, handing its pending bytes to the file
/// every megabyte so memory stays flat. Non-ASCII text is written as raw UTF-8 (valid JSON, and half the size of
/// <c>\u</c> escapes).
/// </summary>
internal static class JsonArrayFileWriter
{
    private const int FlushThreshold = 1 << 20;

    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public static void Write(string path, int from, int to, Action<Utf8JsonWriter, int> writeElement)
    {
        using var array = new Appender(path);
        for (int row = from; row < to; row++)
        {
            writeElement(array.Writer, row);
            array.ElementWritten();
        }
    }

    /// <summary>
    /// The same file, element by element as they come (the generator streams tweets this way): write an element with
    /// <see cref="Writer"/>, call <see cref="ElementWritten"/>; disposing closes the array.
    /// </summary>
    internal sealed class Appender : IDisposable
    {
        private readonly FileStream _stream;

        public Appender(string path)
        {
            _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
            Writer = new Utf8JsonWriter(_stream, Options);
            Writer.WriteStartArray();
        }

        public Utf8JsonWriter Writer { get; }

        public void ElementWritten()
        {
            if (Writer.BytesPending > FlushThreshold) Writer.Flush();
        }

        public void Dispose()
        {
            Writer.WriteEndArray();
            Writer.Flush();
            Writer.Dispose();
            _stream.Dispose();
        }
    }

    /// <summary>Writes UTF-8 text, or null when the text is null.</summary>
    public static void WriteText(Utf8JsonWriter writer, ReadOnlySpan<byte> name, Data.Columns.Utf8TextColumn column, int row)
    {
        if (column.IsNull(row)) writer.WriteNull(name);
        else writer.WriteString(name, column.GetUtf8(row));
    }

    public static void WriteTime(Utf8JsonWriter writer, ReadOnlySpan<byte> name, long unixSeconds)
    {
        if (unixSeconds == Data.TwiBotTime.Missing) { writer.WriteNull(name); return; }
        Span<byte> text = stackalloc byte[Data.TwiBotTime.FormattedLength];
        Data.TwiBotTime.Format(unixSeconds, text);
        writer.WriteString(name, text);
    }

    public static void WriteId(Utf8JsonWriter writer, ReadOnlySpan<byte> name, Data.EntityKind kind, long id)
    {
        Span<byte> text = stackalloc byte[Data.TwiBotId.MaxLength];
        writer.WriteString(name, text[..Data.TwiBotId.Format(kind, id, text)]);
    }

    /// <summary>An entity array of <paramref name="count"/> empty objects: the dataset keeps the count, not the items.</summary>
    public static void WriteEntityItems(Utf8JsonWriter writer, ReadOnlySpan<byte> name, int count)
    {
        writer.WriteStartArray(name);
        for (int i = 0; i < count; i++)
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    public static void WriteCountIfPresent(Utf8JsonWriter writer, ReadOnlySpan<byte> name, int count, int missing)
    {
        if (count != missing) writer.WriteNumber(name, count);
    }
}
