using Vigil.Safety.Verifiers.Rules;

namespace Vigil.Safety.Verifiers.Learned;

/// <summary>
/// How a response is built, as numbers a head can weigh next to its sentence vectors: whether it opens by agreeing
/// ("Sure, here is…") or straight into content (a heading, a list, "Subject:"), how many compliance phrases its head
/// holds ("step 1", "you will need"), how much of it is list items and lines, how often and how late a refusal phrase
/// occurs (a late one follows delivered content), whether it pivots to an alternative ("however", "instead"), how
/// many warnings it carries, and how much of it lies beyond the encoded head. Counts are log-scaled to about [0, 1].
/// </summary>
public static class ResponseShapeCues
{
    public const int Count = 11;

    /// <summary>Openings that agree to the request.</summary>
    public static IReadOnlyList<string> AgreeingOpenings { get; } = new[]
    {
        "sure", "certainly", "absolutely", "of course", "here is", "here are", "here's", "yes", "okay", "ok,", "great",
        "happy to", "i'd be happy", "i would be happy", "i'd be glad", "i can help", "gladly",
    };

    /// <summary>Openings that go straight into content: a heading, bold text, a list item, a letter or a titled piece.</summary>
    public static IReadOnlyList<string> ContentOpenings { get; } = new[] { "#", "**", "1.", "1)", "- ", "* ", "step 1", "title:", "subject:", "dear ", "to:", "materials", "ingredients" };

    public static IReadOnlyList<string> CompliancePhrases { get; } = new[]
    {
        "here is", "here are", "here's", "step 1", "step-by-step", "step by step", "follow these", "you will need", "you'll need",
        "materials", "ingredients", "instructions", "first,", "tutorial", "the following", "let's", "to do this",
    };

    public static IReadOnlyList<string> PivotPhrases { get; } = new[]
    {
        "however", "instead", "but i can", "that being said", "alternatively", "rather than", "i can provide", "i can offer", "i suggest",
    };

    /// <summary>Writes the <see cref="Count"/> cues of <paramref name="response"/> (whose first <paramref name="headChars"/> characters are encoded) into <paramref name="into"/>.</summary>
    public static void Write(string response, int headChars, Span<float> into)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (into.Length != Count) throw new ArgumentException($"Expected room for {Count} cues, got {into.Length}.", nameof(into));
        var text = response.Trim();
        var head = SafetyPairFeatures.Head(text, headChars);
        var unquoted = text.TrimStart('"', '\'', ' ', '\n', '\t');
        var opening = unquoted[..Math.Min(SafetyPairFeatures.OpeningChars, unquoted.Length)];
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        int numbered = lines.Count(l => l.Length > 1 && char.IsDigit(l[0]) && (l.IndexOfAny(new[] { '.', ')' }) is > 0 and < 4));
        int bullets = lines.Count(l => l.StartsWith("- ", StringComparison.Ordinal) || l.StartsWith("* ", StringComparison.Ordinal) || l.StartsWith("• ", StringComparison.Ordinal));
        int firstRefusal = RefusalPhrases.JailbreakBench.Select(p => text.IndexOf(p, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        into[0] = AgreeingOpenings.Any(o => opening.StartsWith(o, StringComparison.OrdinalIgnoreCase)) ? 1 : 0;
        into[1] = ContentOpenings.Any(o => opening.StartsWith(o, StringComparison.OrdinalIgnoreCase)) ? 1 : 0;
        into[2] = Log(CountIn(head, CompliancePhrases), 8);
        into[3] = Log(numbered, 16);
        into[4] = Log(bullets, 16);
        into[5] = Log(lines.Length, 64);
        into[6] = Log(CountIn(text, RefusalPhrases.JailbreakBench), 8);
        // Where the first refusal phrase stands, as a share of the text; 1 when there is none.
        into[7] = text.Length == 0 || firstRefusal < 0 ? 1 : (float)firstRefusal / text.Length;
        into[8] = Log(CountIn(head, PivotPhrases), 8);
        into[9] = Log(CountIn(text, WarningPhrases.Common), 8);
        into[10] = text.Length == 0 ? 0 : (float)Math.Max(0, text.Length - head.Length) / text.Length;
    }

    /// <summary>log(1 + n) / log(1 + max): 0 for none, 1 at <paramref name="max"/>, gently above it.</summary>
    private static float Log(int n, int max) => (float)(Math.Log(1 + n) / Math.Log(1 + max));

    private static int CountIn(string text, IReadOnlyList<string> phrases) => phrases.Count(p => text.Contains(p, StringComparison.OrdinalIgnoreCase));
}
