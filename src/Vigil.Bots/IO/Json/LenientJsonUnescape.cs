using System.Buffers.Text;
using System.Text;

namespace Vigil.Bots.IO.Json;

/// <summary>
/// Unescapes a JSON string whose escapes <see cref="System.Text.Json.Utf8JsonReader.CopyString(Span{byte})"/> refuses:
/// a lone UTF-16 surrogate (<c>\ud83d</c> without its pair), which Python's <c>json.dump</c> writes for tweets cut in
/// the middle of an emoji. The lone half becomes U+FFFD, as a UTF-8 decoder would make it; all else is unescaped as usual.
/// </summary>
internal static class LenientJsonUnescape
{
    /// <summary>Writes the unescaped UTF-8 of <paramref name="escaped"/> (never longer than it) and returns its length.</summary>
    public static int Unescape(ReadOnlySpan<byte> escaped, Span<byte> destination)
    {
        int w = 0;
        for (int i = 0; i < escaped.Length; i++)
        {
            byte b = escaped[i];
            if (b != '\\' || i + 1 >= escaped.Length) { destination[w++] = b; continue; }
            byte e = escaped[++i];
            switch (e)
            {
                case (byte)'n': destination[w++] = (byte)'\n'; break;
                case (byte)'t': destination[w++] = (byte)'\t'; break;
                case (byte)'r': destination[w++] = (byte)'\r'; break;
                case (byte)'b': destination[w++] = (byte)'\b'; break;
                case (byte)'f': destination[w++] = (byte)'\f'; break;
                case (byte)'u':
                    int unit = Hex(escaped, i + 1);
                    i += 4;
                    int codePoint = unit;
                    if (char.IsHighSurrogate((char)unit) && i + 6 < escaped.Length && escaped[i + 1] == '\\' && escaped[i + 2] == 'u'
                        && char.IsLowSurrogate((char)Hex(escaped, i + 3)))
                    {
                        codePoint = char.ConvertToUtf32((char)unit, (char)Hex(escaped, i + 3));
                        i += 6;
                    }
                    else if (char.IsSurrogate((char)unit)) codePoint = 0xFFFD;
                    w += new Rune(codePoint).EncodeToUtf8(destination[w..]);
                    break;
                default: destination[w++] = e; break;
            }
        }
        return w;
    }

    private static int Hex(ReadOnlySpan<byte> s, int at) =>
        at + 4 <= s.Length && Utf8Parser.TryParse(s.Slice(at, 4), out ushort value, out int used, 'X') && used == 4 ? value : 0xFFFD;
}
