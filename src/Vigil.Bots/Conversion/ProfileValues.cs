using System.Globalization;
using System.Text;
using Vigil.Bots.Data;

namespace Vigil.Bots.Conversion;

/// <summary>
/// Parses the Twitter API v1.1 profile values the older datasets store as text: flags written <c>1</c>/<c>1.0</c>/<c>True</c>
/// or left empty, counts as digits (sometimes <c>123.0</c>), v1.1 timestamps, and <c>None</c>/<c>NULL</c> for a missing value.
/// </summary>
internal static class ProfileValues
{
    /// <summary>Text that stands for "no value" in the sources (Python's <c>None</c>, SQL's <c>NULL</c>, empty).</summary>
    public static bool IsMissing(string text) => text.Length == 0 || text is "None" or "NULL" or "null";

    public static bool TryParseFlag(string text, out bool value)
    {
        text = text.Trim();
        value = text is "1" or "1.0" or "True" or "true" or "TRUE";
        return value || IsMissing(text) || text is "0" or "0.0" or "False" or "false" or "FALSE";
    }

    /// <summary>A non-negative count; a missing one is null.</summary>
    public static bool TryParseCount(string text, out int? value)
    {
        text = text.Trim();
        value = null;
        if (IsMissing(text)) return true;
        if (text.EndsWith(".0", StringComparison.Ordinal)) text = text[..^2];
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n)) return false;
        value = n;
        return true;
    }

    /// <summary>A timestamp in any form <see cref="TwiBotTime"/> reads (v1.1's <c>Sat Sep 28 16:49:36 +0000 2013</c> among them); missing is null.</summary>
    public static bool TryParseTime(string text, out DateTimeOffset? value)
    {
        text = text.Trim();
        value = null;
        if (IsMissing(text)) return true;
        if (!TwiBotTime.TryParse(Encoding.UTF8.GetBytes(text), out long seconds)) return false;
        value = TwiBotTime.ToDateTime(seconds);
        return true;
    }

    public static bool TryParseId(string text, out long id) => TwiBotId.TryParseDigits(Encoding.UTF8.GetBytes(text.Trim()), out id);

    /// <summary>The text, or null when it is missing.</summary>
    public static string? TextOrNull(string text) => IsMissing(text) ? null : text;
}
