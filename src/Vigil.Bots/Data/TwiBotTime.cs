using System.Globalization;
using System.Text;

namespace Vigil.Bots.Data;

/// <summary>
/// Timestamps as whole Unix seconds (<see cref="Missing"/> when absent). TwiBot-22 writes
/// <c>2013-09-28 16:49:36+00:00</c>; older sets carry Twitter API v1.1's <c>Sat Sep 28 16:49:36 +0000 2013</c>, and
/// API v2 responses ISO 8601 (<c>2013-09-28T16:49:36.000Z</c>); all three parse.
/// </summary>
public static class TwiBotTime
{
    public const long Missing = long.MinValue;

    /// <summary>Length of the TwiBot-22 form written by <see cref="Format(long, Span{byte})"/>.</summary>
    public const int FormattedLength = 25;

    private static readonly string[] OtherFormats =
    {
        "ddd MMM dd HH:mm:ss zzz yyyy",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd HH:mm:ss",
    };

    public static DateTimeOffset? ToDateTime(long unixSeconds) =>
        unixSeconds == Missing ? null : DateTimeOffset.FromUnixTimeSeconds(unixSeconds);

    public static long FromDateTime(DateTimeOffset? time) => time is { } t ? t.ToUnixTimeSeconds() : Missing;

    public static bool TryParse(ReadOnlySpan<byte> utf8, out long unixSeconds)
    {
        utf8 = utf8.Trim((byte)' ');
        if (TryParseTwiBot22(utf8, out unixSeconds)) return true;
        Span<char> chars = stackalloc char[64];
        if (utf8.Length > chars.Length) return false;
        int n = Encoding.UTF8.GetChars(utf8, chars);
        if (DateTimeOffset.TryParseExact(chars[..n], OtherFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var time))
        {
            unixSeconds = time.ToUnixTimeSeconds();
            return true;
        }
        return false;
    }

    /// <summary>Writes <c>yyyy-MM-dd HH:mm:ss+00:00</c> (UTC) and returns <see cref="FormattedLength"/>.</summary>
    public static int Format(long unixSeconds, Span<byte> destination)
    {
        var t = DateTimeOffset.FromUnixTimeSeconds(unixSeconds).UtcDateTime;
        Write4(destination, t.Year);
        destination[4] = (byte)'-';
        Write2(destination[5..], t.Month);
        destination[7] = (byte)'-';
        Write2(destination[8..], t.Day);
        destination[10] = (byte)' ';
        Write2(destination[11..], t.Hour);
        destination[13] = (byte)':';
        Write2(destination[14..], t.Minute);
        destination[16] = (byte)':';
        Write2(destination[17..], t.Second);
        "+00:00"u8.CopyTo(destination[19..]);
        return FormattedLength;
    }

    // The fast path for the 25-byte TwiBot-22 form; any offset other than +00:00 is honoured too.
    private static bool TryParseTwiBot22(ReadOnlySpan<byte> s, out long unixSeconds)
    {
        unixSeconds = Missing;
        if (s.Length != FormattedLength || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':'
            || (s[19] != '+' && s[19] != '-') || s[22] != ':') return false;
        if (!TryDigits(s[..4], out int year) || !TryDigits(s.Slice(5, 2), out int month) || !TryDigits(s.Slice(8, 2), out int day)
            || !TryDigits(s.Slice(11, 2), out int hour) || !TryDigits(s.Slice(14, 2), out int minute) || !TryDigits(s.Slice(17, 2), out int second)
            || !TryDigits(s.Slice(20, 2), out int offsetHours) || !TryDigits(s.Slice(23, 2), out int offsetMinutes)) return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59
            || offsetHours > 14 || offsetMinutes > 59) return false;
        long offset = (offsetHours * 3600L + offsetMinutes * 60L) * (s[19] == '-' ? -1 : 1);
        unixSeconds = DaysFromCivil(year, month, day) * 86400L + hour * 3600L + minute * 60L + second - offset;
        return true;
    }

    // Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), without building a DateTime.
    private static long DaysFromCivil(int year, int month, int day)
    {
        year -= month <= 2 ? 1 : 0;
        int era = (year >= 0 ? year : year - 399) / 400;
        int yearOfEra = year - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146097L + dayOfEra - 719468;
    }

    private static bool TryDigits(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        foreach (var b in s)
        {
            int d = b - '0';
            if ((uint)d > 9) return false;
            value = value * 10 + d;
        }
        return true;
    }

    private static void Write2(Span<byte> d, int v)
    {
        d[0] = (byte)('0' + v / 10);
        d[1] = (byte)('0' + v % 10);
    }

    private static void Write4(Span<byte> d, int v)
    {
        Write2(d, v / 100);
        Write2(d[2..], v % 100);
    }
}
