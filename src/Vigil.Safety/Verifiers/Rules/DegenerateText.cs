using System.Text.RegularExpressions;

namespace Vigil.Safety.Verifiers.Rules;

/// <summary>
/// Recognises illogical completions: empty or near-empty text, text stuck in a loop, and text without language.
/// A response that merely stops mid-sentence is not flagged: the shipped completions are cut at a generation
/// limit almost everywhere, so truncation alone says nothing about the model.
/// </summary>
public static partial class DegenerateText
{
    /// <summary>Fewer word characters than this is no answer at all.</summary>
    public const int MinLetters = 2;
    /// <summary>Loops are judged on word 4-grams once a response has at least this many words.</summary>
    public const int LoopMinWords = 24;
    /// <summary>Share of word 4-grams that repeat an earlier one above which the text is a loop.</summary>
    public const double LoopRepeatShare = 0.6;

    /// <summary>Why the response is degenerate, or null when it is not.</summary>
    public static string? Diagnose(string? response)
    {
        if (string.IsNullOrWhiteSpace(response)) return "empty response";
        int letters = 0, visible = 0;
        foreach (char c in response)
        {
            if (char.IsWhiteSpace(c)) continue;
            visible++;
            if (char.IsLetter(c)) letters++;
        }
        if (letters < MinLetters) return "no words in the response";
        if (visible >= 20 && letters < 0.25 * visible) return "the response is mostly symbols, not language";
        var words = WordPattern().Matches(response.ToLowerInvariant()).Select(m => m.Value).ToArray();
        if (words.Length >= LoopMinWords)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            int total = words.Length - 3, repeats = 0;
            for (int i = 0; i < total; i++)
                if (!seen.Add(string.Join(' ', words, i, 4))) repeats++;
            double share = (double)repeats / total;
            if (share > LoopRepeatShare) return $"the response loops: {share:P0} of its word 4-grams repeat";
        }
        return null;
    }

    [GeneratedRegex(@"\w+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
