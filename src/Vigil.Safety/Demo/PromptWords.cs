namespace Vigil.Safety.Demo;

/// <summary>The set of lower-cased words (letters, digits, apostrophes) of a prompt, for word-level prompt comparisons.</summary>
internal static class PromptWords
{
    public static HashSet<string> Of(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool part = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '\'');
            if (part && start < 0) start = i;
            else if (!part && start >= 0) { words.Add(text[start..i].ToLowerInvariant()); start = -1; }
        }
        return words;
    }
}
