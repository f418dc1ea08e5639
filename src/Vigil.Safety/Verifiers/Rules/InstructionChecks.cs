using System.Text.Json;
using System.Text.RegularExpressions;

namespace Vigil.Safety.Verifiers.Rules;

/// <summary>Evaluates one <see cref="InstructionConstraint"/> against a response's answer text.</summary>
public static partial class InstructionChecks
{
    /// <summary>True when <paramref name="answer"/> satisfies the constraint (which must be valid).</summary>
    public static bool Satisfies(InstructionConstraint c, string answer)
    {
        c.Validate();
        var text = answer.Trim();
        return c.Kind switch
        {
            InstructionConstraint.MaxWords => Words(text) <= c.Value,
            InstructionConstraint.MinWords => Words(text) >= c.Value,
            InstructionConstraint.MaxCharacters => text.Length <= c.Value,
            InstructionConstraint.IncludeKeywords => Keywords(c.Text!).All(k => ContainsWord(text, k)),
            InstructionConstraint.ExcludeKeywords => !Keywords(c.Text!).Any(k => ContainsWord(text, k)),
            InstructionConstraint.StartsWith => text.StartsWith(c.Text!.Trim(), StringComparison.OrdinalIgnoreCase),
            InstructionConstraint.EndsWith => text.EndsWith(c.Text!.Trim(), StringComparison.OrdinalIgnoreCase),
            InstructionConstraint.Lowercase => text.Any(char.IsLetter) && text == text.ToLowerInvariant(),
            InstructionConstraint.Uppercase => text.Any(char.IsLetter) && text == text.ToUpperInvariant(),
            InstructionConstraint.NoCommas => !text.Contains(','),
            InstructionConstraint.BulletCount => Bullet().Matches(text).Count == (int)c.Value!.Value,
            InstructionConstraint.ParagraphCount => ParagraphBreak().Split(text).Count(p => !string.IsNullOrWhiteSpace(p)) == (int)c.Value!.Value,
            InstructionConstraint.Json => IsJson(text),
            _ => throw new ArgumentException($"Unknown instruction kind '{c.Kind}'."),
        };
    }

    private static int Words(string text) => WordPattern().Matches(text).Count;

    private static IEnumerable<string> Keywords(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool ContainsWord(string text, string keyword) =>
        Regex.IsMatch(text, $@"(?<!\w){Regex.Escape(keyword)}(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static bool IsJson(string text)
    {
        var body = text;
        // A fenced block (```json … ```) counts: models commonly wrap JSON that way.
        var fence = JsonFence().Match(body);
        if (fence.Success) body = fence.Groups[1].Value;
        try { using var _ = JsonDocument.Parse(body); return true; }
        catch (JsonException) { return false; }
    }

    [GeneratedRegex(@"\b[\w'-]+\b", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^\s*(?:[-*•]|\d+[.)])\s+\S", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Bullet();

    [GeneratedRegex(@"\n\s*\n", RegexOptions.CultureInvariant)]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"^```(?:json)?\s*\n([\s\S]*?)\n```$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonFence();
}
