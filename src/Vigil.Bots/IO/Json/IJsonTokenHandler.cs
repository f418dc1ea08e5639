using System.Text.Json;

namespace Vigil.Bots.IO.Json;

/// <summary>
/// Receives the tokens of a streamed JSON file, one buffer at a time: it calls <see cref="Utf8JsonReader.Read"/> until
/// that returns false (the buffer holds no further whole token). It may only keep what it copies: the bytes of earlier
/// tokens are gone once the buffer is refilled.
/// </summary>
internal interface IJsonTokenHandler
{
    /// <param name="reader">A reader over part of <paramref name="buffer"/>, before its next token.</param>
    /// <param name="buffer">The array the reader reads; its bytes stay put until <see cref="BufferMoving"/>.</param>
    /// <param name="bufferOffset">File offset of the reader's first byte: a token starts at <c>bufferOffset + reader.TokenStartIndex</c>.</param>
    void ReadTokens(ref Utf8JsonReader reader, byte[] buffer, long bufferOffset);

    /// <summary>The buffer's bytes are about to move (refill) or the buffer to be replaced (growth): copy what is still needed.</summary>
    void BufferMoving();
}
