namespace Vigil.Safety.Policy.Tokenization;

/// <summary>
/// GPT-2's byte-to-character table (<c>bytes_to_unicode</c>): byte-level BPE vocabularies spell every byte as one
/// printable character, so a token is a string of these characters (a leading space is <c>Ġ</c>).
/// </summary>
public static class ByteLevelAlphabet
{
    private static readonly char[] ByteToChar = Build();

    /// <summary>The character that stands for <paramref name="value"/>.</summary>
    public static char Char(byte value) => ByteToChar[value];

    /// <summary>The byte-level spelling of raw bytes.</summary>
    public static string Spell(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (int i = 0; i < bytes.Length; i++) chars[i] = ByteToChar[bytes[i]];
        return new string(chars);
    }

    private static char[] Build()
    {
        // Printable Latin-1 bytes keep their own character; the rest (controls, space, …) map to 256 + n in order.
        var table = new char[256];
        int next = 0;
        for (int b = 0; b < 256; b++)
        {
            bool printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            table[b] = printable ? (char)b : (char)(256 + next++);
        }
        return table;
    }
}
