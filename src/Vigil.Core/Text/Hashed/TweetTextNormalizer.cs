using System.Globalization;

namespace Vigil.Core.Text.Hashed;

/// <summary>
/// Normalises social-media text for hashed n-gram features:
/// <list type="bullet">
/// <item>letters are lower-cased (invariant culture); a token is a run of letters and digits (plus combining
/// marks after its first character); an apostrophe inside a word is dropped, so "don't" and "dont" agree;</item>
/// <item>a URL (a run of non-space characters starting with <c>http://</c>, <c>https://</c> or <c>www.</c>) becomes
/// the token <c>&lt;url&gt;</c>, and a mention (<c>@</c> then letters, digits or <c>_</c>, not preceded by a
/// letter or digit, so e-mail addresses are not mentions) becomes <c>&lt;user&gt;</c>;</item>
/// <item>a hashtag keeps its word ("#Guitar" → "guitar"), since <c>#</c> like all punctuation separates
/// tokens;</item>
/// <item>each emoji or other symbol (Unicode symbol categories, and any character outside the Basic Multilingual
/// Plane that is not part of a word) is a token of its own, since emoji usage is a strong bot signal;</item>
/// <item>everything else (spaces, punctuation, control and format characters, variation selectors) separates
/// tokens and is dropped.</item>
/// </list>
/// </summary>
public static class TweetTextNormalizer
{
    public const string UrlToken = "<url>";
    public const string UserToken = "<user>";

    /// <summary>Normalises <paramref name="text"/> into <paramref name="output"/> (cleared first).</summary>
    public static void Normalize(string? text, NormalizedText output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Clear();
        if (text is null) return;
        int n = text.Length, i = 0;
        while (i < n)
        {
            char c = text[i];
            bool atBoundary = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            if (c == '@' && atBoundary && i + 1 < n && IsHandleChar(text[i + 1]))
            {
                i++;
                while (i < n && IsHandleChar(text[i])) i++;
                EmitPlaceholder(output, UserToken);
                continue;
            }
            if ((c == 'h' || c == 'H' || c == 'w' || c == 'W') && atBoundary && StartsUrl(text, i))
            {
                while (i < n && !char.IsWhiteSpace(text[i])) i++;
                EmitPlaceholder(output, UrlToken);
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                int start = output.Position;
                while (i < n)
                {
                    char d = text[i];
                    if (char.IsLetterOrDigit(d) || IsCombiningMark(d)) { output.Append(char.ToLowerInvariant(d)); i++; }
                    else if ((d == '\'' || d == '\u2019') && i + 1 < n && char.IsLetterOrDigit(text[i + 1])) i++;
                    else break;
                }
                output.EndToken(start, isPlaceholder: false);
                continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < n && char.IsLowSurrogate(text[i + 1]))
            {
                int start = output.Position;
                output.Append(c);
                output.Append(text[i + 1]);
                output.EndToken(start, isPlaceholder: false);
                i += 2;
                continue;
            }
            if (IsSymbol(c))
            {
                int start = output.Position;
                output.Append(c);
                output.EndToken(start, isPlaceholder: false);
            }
            i++;
        }
    }

    /// <summary>The normalised tokens of <paramref name="text"/> joined by single spaces.</summary>
    public static string Normalize(string? text)
    {
        var output = new NormalizedText();
        Normalize(text, output);
        return output.ToString();
    }

    private static void EmitPlaceholder(NormalizedText output, string token)
    {
        int start = output.Position;
        output.Append(token);
        output.EndToken(start, isPlaceholder: true);
    }

    private static bool IsHandleChar(char c) => c == '_' || char.IsAsciiLetterOrDigit(c);

    private static bool StartsUrl(string text, int i) =>
        StartsWithIgnoreCase(text, i, "http://") || StartsWithIgnoreCase(text, i, "https://") || StartsWithIgnoreCase(text, i, "www.");

    private static bool StartsWithIgnoreCase(string text, int i, string prefix) =>
        text.AsSpan(i).StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    private static bool IsCombiningMark(char c)
    {
        if (c >= '\uFE00' && c <= '\uFE0F') return false; // emoji variation selectors belong to no word
        var cat = char.GetUnicodeCategory(c);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    private static bool IsSymbol(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.OtherSymbol
        or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol;
}
