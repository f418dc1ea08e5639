using System.Text.Json;
using Vigil.Bots.Validation;

namespace Vigil.Bots.IO.Json;

/// <summary>
/// Streams a JSON file through <see cref="Utf8JsonReader"/> with one reusable buffer: the reader runs over what the
/// buffer holds, and a token cut by the buffer's end is moved to the front and completed by the next read (the buffer
/// doubles only when one token is larger than it). Memory stays at the buffer size whatever the file size.
/// </summary>
internal sealed class JsonFileStreamer
{
    /// <summary>Smallest buffer: room for a UTF-8 byte-order mark and a few bytes of token.</summary>
    public const int MinBufferSize = 8;

    private byte[] _buffer;

    public JsonFileStreamer(int bufferSize)
    {
        if (bufferSize < MinBufferSize) throw new ArgumentOutOfRangeException(nameof(bufferSize), $"A read buffer needs at least {MinBufferSize} bytes, got {bufferSize}.");
        _buffer = new byte[bufferSize];
    }

    /// <summary>
    /// Feeds every token of <paramref name="path"/> to <paramref name="handler"/>. Returns false when the file is not
    /// valid JSON and the policy skips that (the problem, with its byte offset, is in the report).
    /// </summary>
    public bool Stream(string path, string fileName, IJsonTokenHandler handler, ProblemSink problems, CancellationToken cancel = default)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        var state = new JsonReaderState(ReaderOptions);
        var window = new JsonReadWindow();
        int filled = 0;
        long bufferOffset = 0;
        bool final = false, first = true;
        int bom = 0;
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            while (!final && filled < _buffer.Length)
            {
                int n = stream.Read(_buffer, filled, _buffer.Length - filled);
                if (n == 0) final = true;
                filled += n;
            }
            int start = 0;
            if (first)
            {
                first = false;
                if (filled >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF) start = bom = 3;
                window.Begin(start);
            }
            var reader = window.Read(_buffer, bufferOffset, start, filled, final, state);
            try
            {
                handler.ReadTokens(ref reader, window);
            }
            catch (JsonException e)
            {
                long offset = window.ErrorOffset(path, e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
                var (line, inLine) = JsonReadWindow.LineOf(path, offset, bom);
                problems.Add(DataProblem.MalformedJson, DataPosition.AtOffset(fileName, offset),
                    $"not valid JSON at byte {offset} (line {line + 1}, byte {inLine + 1} of the line): {FirstSentence(e.Message)}; the rest of the file is not read", e);
                return false;
            }
            if (final) return true;

            int consumed = window.ReaderStart + (int)reader.BytesConsumed;
            state = reader.CurrentState;
            int left = filled - consumed;
            handler.BufferMoving();
            if (left == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
            else if (left > 0) Buffer.BlockCopy(_buffer, consumed, _buffer, 0, left);
            filled = left;
            bufferOffset += consumed;
        }
    }

    /// <summary>The options of every reader over an entity file (a handler that restarts the reader uses them too).</summary>
    public static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 256 };

    // The reader's messages end with its own "LineNumber: … | BytePositionInLine: …"; the caller states the position.
    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }
}
