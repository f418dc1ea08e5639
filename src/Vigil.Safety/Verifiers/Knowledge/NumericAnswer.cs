using System.Globalization;
using System.Text.RegularExpressions;

namespace Vigil.Safety.Verifiers.Knowledge;

/// <summary>
/// Reads an answer as a number: plain and signed decimals, thousands separators ("1,234"), percent and currency
/// signs, scientific notation, fractions "a/b" and LaTeX <c>\frac{a}{b}</c> / <c>\dfrac{a}{b}</c>.
/// </summary>
public static partial class NumericAnswer
{
    public static bool TryParse(string? text, out double value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim().Trim('$', ' ').TrimEnd('.').Replace("\\!", "").Replace("\\,", "").Replace("\\%", "%");
        s = s.Replace("\\left", "").Replace("\\right", "");
        var frac = LatexFraction().Match(s);
        if (frac.Success && frac.Length == s.Length)
            return TryRatio(frac.Groups["sign"].Value, frac.Groups["num"].Value, frac.Groups["den"].Value, out value);
        var ratio = PlainFraction().Match(s);
        if (ratio.Success && ratio.Length == s.Length)
            return TryRatio(ratio.Groups["sign"].Value, ratio.Groups["num"].Value, ratio.Groups["den"].Value, out value);
        s = s.TrimEnd('%').Trim();
        if (s.StartsWith('$')) s = s[1..];
        if (ThousandsGrouped().IsMatch(s)) s = s.Replace(",", "");
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>Equal within an absolute or relative tolerance, whichever is looser.</summary>
    public static bool Close(double a, double b, double absoluteTolerance, double relativeTolerance) =>
        Math.Abs(a - b) <= Math.Max(absoluteTolerance, relativeTolerance * Math.Max(Math.Abs(a), Math.Abs(b)));

    private static bool TryRatio(string sign, string num, string den, out double value)
    {
        value = 0;
        if (!double.TryParse(num, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)) return false;
        if (!double.TryParse(den, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || d == 0) return false;
        value = (sign == "-" ? -1 : 1) * n / d;
        return double.IsFinite(value);
    }

    [GeneratedRegex(@"^(?<sign>-?)\\d?frac\{(?<num>[-+]?\d+(?:\.\d+)?)\}\{(?<den>[-+]?\d+(?:\.\d+)?)\}$", RegexOptions.CultureInvariant)]
    private static partial Regex LatexFraction();

    [GeneratedRegex(@"^(?<sign>-?)(?<num>\d+(?:\.\d+)?)\s*/\s*(?<den>\d+(?:\.\d+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainFraction();

    [GeneratedRegex(@"^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ThousandsGrouped();
}
