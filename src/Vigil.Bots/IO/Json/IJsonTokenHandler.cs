using System.Text.Json;

namespace Vigil.Bots.IO.Json;

/// <summary>
/// Receives the tokens of a streamed JSON file one at a time. It may only look at the current token: the bytes of
/// earlier tokens may already be gone from the buffer.
/// </summary>
internal interface IJsonTokenHandler
{
    /// <param name="reader">Positioned on the token.</param>
    /// <param name="bufferOffset">File offset of the buffer's first byte: the token starts at <c>bufferOffset + reader.TokenStartIndex</c>.</param>
    void OnToken(ref Utf8JsonReader reader, long bufferOffset);
}
