using System.Text;

namespace Vigil.Safety.Verifiers.Knowledge;

/// <summary>
/// SQuAD-style answer normalisation: lower case, punctuation removed, the articles a/an/the dropped, whitespace
/// collapsed; and the token list that token F1 is computed on.
/// </summary>
public static class AnswerText
{
    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal) { "a", "an", "the" };

    public static string Normalize(string text) => string.Join(' ', Tokens(text));

    public static IReadOnlyList<string> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cleaned = new StringBuilder(text.Length);
        foreach (char c in text.ToLowerInvariant())
            cleaned.Append(char.IsPunctuation(c) || char.IsSymbol(c) ? ' ' : c);
        return cleaned.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(t => !Articles.Contains(t)).ToArray();
    }

    /// <summary>Harmonic mean of token precision and recall (multiset overlap); 1 when both are empty.</summary>
    public static double TokenF1(string predicted, string reference)
    {
        var p = Tokens(predicted);
        var r = Tokens(reference);
        if (p.Count == 0 || r.Count == 0) return p.Count == r.Count ? 1 : 0;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in r) counts[t] = counts.GetValueOrDefault(t) + 1;
        int common = 0;
        foreach (var t in p)
            if (counts.TryGetValue(t, out int n) && n > 0) { common++; counts[t] = n - 1; }
        if (common == 0) return 0;
        double precision = (double)common / p.Count, recall = (double)common / r.Count;
        return 2 * precision * recall / (precision + recall);
    }
}
