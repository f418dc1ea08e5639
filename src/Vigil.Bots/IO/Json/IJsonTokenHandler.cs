using System.Text.Json;

namespace Vigil.Bots.IO.Json;

/// <summary>
/// Receives the tokens of a streamed JSON file, one buffer at a time: it calls <see cref="Utf8JsonReader.Read"/> until
/// that returns false (the buffer holds no further whole token). It may only keep what it copies: the bytes of earlier
/// tokens are gone once the buffer is refilled.
/// </summary>
internal interface IJsonTokenHandler
{
    /// <param name="reader">A reader over part of <c>window.Buffer</c>, before its next token.</param>
    /// <param name="window">
    /// Where the reader stands in the buffer and the file: a token starts at <c>window.ReaderOffset + reader.TokenStartIndex</c>.
    /// The handler may read bytes itself and move the reader past them with <see cref="JsonReadWindow.Restart"/>.
    /// </param>
    void ReadTokens(ref Utf8JsonReader reader, JsonReadWindow window);

    /// <summary>The buffer's bytes are about to move (refill) or the buffer to be replaced (growth): copy what is still needed.</summary>
    void BufferMoving();
}
