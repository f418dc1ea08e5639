namespace Vigil.Safety.Verifiers.Rules;

/// <summary>Extracts the content of the last <c>\boxed{…}</c> (or <c>\fbox{…}</c>) of a text, with nested braces balanced.</summary>
public static class BoxedAnswer
{
    private static readonly string[] Commands = { "\\boxed{", "\\fbox{" };

    /// <summary>The last boxed content, or null when there is none or its braces never close.</summary>
    public static string? Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int start = -1, open = 0;
        foreach (var command in Commands)
        {
            int at = text.LastIndexOf(command, StringComparison.Ordinal);
            if (at > start) { start = at; open = at + command.Length; }
        }
        if (start < 0) return null;
        int depth = 1;
        for (int i = open; i < text.Length; i++)
        {
            if (text[i] == '{') depth++;
            else if (text[i] == '}' && --depth == 0) return text[open..i].Trim();
        }
        return null;
    }
}
