using System.Text;
using System.Text.RegularExpressions;

namespace Vigil.Safety.Verifiers.Judges;

/// <summary>
/// Reads a judge's answer tolerantly. The text is lower-cased and markdown, quotes, underscores and hyphens become
/// spaces. If a marker ("verdict", "label", "classification", "class", "answer", "judgement") is followed by a colon,
/// the last such marker decides: the first option phrase after it, or an option's number. Otherwise the answer
/// must mention exactly one distinct option; no option or several different ones is unparseable (null).
/// </summary>
public sealed class VerdictPhraseParser<T> where T : struct
{
    private readonly (string Phrase, T Value)[] _options;
    private readonly Regex _phrases;

    /// <param name="options">phrase → value; phrases may contain spaces; an option's 1-based position is its number</param>
    public VerdictPhraseParser(IReadOnlyList<(string Phrase, T Value)> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Count == 0) throw new ArgumentException("A verdict parser needs at least one option.", nameof(options));
        _options = options.Select(o => (Clean(o.Phrase), o.Value)).ToArray();
        // Longest phrases first, so "safe with refusal" wins over a shorter option inside it.
        var alternatives = _options.Select(o => o.Phrase).Distinct().OrderByDescending(p => p.Length).Select(p => Regex.Escape(p).Replace("\\ ", "\\s+"));
        _phrases = new Regex($@"(?<![a-z0-9])(?:{string.Join('|', alternatives)})(?![a-z0-9])", RegexOptions.CultureInvariant);
    }

    public T? Parse(string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer)) return null;
        var text = Clean(answer);
        var markers = JudgeAnswerPatterns.Marker().Matches(text);
        if (markers.Count > 0)
        {
            var tail = text[(markers[^1].Index + markers[^1].Length)..].TrimStart();
            var number = JudgeAnswerPatterns.LeadingNumber().Match(tail);
            if (number.Success && int.TryParse(number.Groups[1].Value, out int n) && n >= 1 && n <= _options.Length) return _options[n - 1].Value;
            var first = _phrases.Match(tail);
            if (first.Success) return ValueOf(first.Value);
        }
        var mentioned = _phrases.Matches(text).Select(m => ValueOf(m.Value)).Distinct().ToArray();
        return mentioned.Length == 1 ? mentioned[0] : null;
    }

    private T ValueOf(string matched)
    {
        var phrase = JudgeAnswerPatterns.WhiteSpace().Replace(matched, " ");
        return _options.First(o => o.Phrase == phrase).Value;
    }

    private static string Clean(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (char c in text.ToLowerInvariant())
            b.Append(c is '*' or '`' or '"' or '\'' or '_' or '-' or '#' or '[' or ']' or '(' or ')' ? ' ' : c);
        return JudgeAnswerPatterns.WhiteSpace().Replace(b.ToString(), " ").Trim();
    }
}
