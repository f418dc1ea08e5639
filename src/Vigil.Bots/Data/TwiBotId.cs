using System.Buffers.Text;
using System.Text;

namespace Vigil.Bots.Data;

/// <summary>
/// TwiBot ids: a kind letter and the Twitter id's digits (<c>u17461978</c>, <c>t1485381214156451844</c>,
/// <c>l123</c>, <c>h42</c>). The digits are kept as a non-negative <see cref="long"/>, so no id is ever held as a string.
/// </summary>
public static class TwiBotId
{
    /// <summary>The longest id: a letter and the 19 digits of <see cref="long.MaxValue"/>.</summary>
    public const int MaxLength = 20;

    /// <summary>Parses a prefixed id such as <c>u123</c>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out EntityKind kind, out long number)
    {
        number = 0;
        kind = default;
        if (utf8.Length < 2 || !EntityKinds.TryFromPrefix(utf8[0], out kind)) return false;
        return TryParseDigits(utf8[1..], out number);
    }

    public static bool TryParse(string text, out EntityKind kind, out long number)
    {
        Span<byte> buffer = stackalloc byte[MaxLength + 1];
        if (text.Length > MaxLength || Encoding.UTF8.GetByteCount(text) > MaxLength) { kind = default; number = 0; return false; }
        int n = Encoding.UTF8.GetBytes(text, buffer);
        return TryParse(buffer[..n], out kind, out number);
    }

    /// <summary>Parses bare digits (no sign, no spaces) into a non-negative id.</summary>
    public static bool TryParseDigits(ReadOnlySpan<byte> digits, out long number)
    {
        number = 0;
        if (digits.IsEmpty || digits.Length > 19) return false;
        foreach (var b in digits) if ((uint)(b - '0') > 9) return false;
        return Utf8Parser.TryParse(digits, out number, out int used) && used == digits.Length;
    }

    /// <summary>Parses an id of a known kind, with or without its letter (<c>u123</c> or <c>123</c>).</summary>
    public static bool TryParseOfKind(ReadOnlySpan<byte> utf8, EntityKind kind, out long number)
    {
        if (utf8.Length > 0 && utf8[0] == kind.Prefix()) utf8 = utf8[1..];
        return TryParseDigits(utf8, out number);
    }

    public static string Format(EntityKind kind, long number) => $"{(char)kind.Prefix()}{number}";

    /// <summary>Writes the id into <paramref name="destination"/> and returns its length.</summary>
    public static int Format(EntityKind kind, long number, Span<byte> destination)
    {
        destination[0] = kind.Prefix();
        if (!Utf8Formatter.TryFormat(number, destination[1..], out int written))
            throw new ArgumentException($"A buffer of {destination.Length} bytes cannot hold id {number}.", nameof(destination));
        return written + 1;
    }
}
