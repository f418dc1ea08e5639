using System.Text;
using System.Text.RegularExpressions;

namespace Vigil.Safety.Inference.Steps;

/// <summary>
/// A reasoning trace: the user's prompt, the steps of <c>&lt;think&gt;</c> step₁ … stepₙ <c>&lt;/think&gt;</c>, and
/// the answer after it (null while the reasoning is still open). Immutable: editing returns a new trace, so a search
/// can keep every prefix it has scored.
/// </summary>
public sealed partial record ReasoningTrace
{
    public ReasoningTrace(string prompt, IReadOnlyList<string>? steps = null, string? answer = null, StepFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        Prompt = prompt;
        Steps = (steps ?? Array.Empty<string>()).ToArray();
        Answer = answer;
        Format = (format ?? StepFormat.Lines).Validated();
    }

    public string Prompt { get; }
    public IReadOnlyList<string> Steps { get; }
    /// <summary>The text after <c>&lt;/think&gt;</c>; null while the reasoning is open.</summary>
    public string? Answer { get; }
    public StepFormat Format { get; }

    public bool IsConcluded => Answer is not null;

    /// <summary>The assistant text up to and including the last step, the reasoning left open: what generation continues.</summary>
    public string RenderPrefix()
    {
        var text = new StringBuilder(Format.Opening);
        foreach (var step in Steps) text.Append(Format.RenderStep(step));
        return text.ToString();
    }

    /// <summary>The whole assistant text: the prefix, then <c>&lt;/think&gt;</c> and the answer once there is one.</summary>
    public string Render() => IsConcluded ? RenderPrefix() + StepFormat.ThinkClose + Answer : RenderPrefix();

    /// <summary>What a verifier judges: the answer of a concluded trace (what the user sees), else the reasoning so far.</summary>
    public string JudgedText => Answer is { } answer ? answer.Trim() : RenderPrefix();

    public ReasoningTrace Append(string step) => new(Prompt, Steps.Append(Format.CleanStep(step)).ToArray(), null, Format);

    public ReasoningTrace Conclude(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new(Prompt, Steps, answer, Format);
    }

    /// <summary>Step <paramref name="index"/> (0-based) replaced by <paramref name="text"/> and everything after it dropped, answer included.</summary>
    public ReasoningTrace ReplaceStep(int index, string text)
    {
        CheckIndex(index);
        var steps = Steps.Take(index + 1).ToArray();
        steps[index] = Format.CleanStep(text);
        return new(Prompt, steps, null, Format);
    }

    /// <summary>The trace up to and including step <paramref name="index"/>; -1 keeps no step.</summary>
    public ReasoningTrace TruncateAfter(int index)
    {
        if (index != -1) CheckIndex(index);
        return new(Prompt, Steps.Take(index + 1).ToArray(), null, Format);
    }

    private void CheckIndex(int index)
    {
        if (index < 0 || index >= Steps.Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The trace has {Steps.Count} steps (0-based indices 0..{Steps.Count - 1}).");
    }

    /// <summary>
    /// Reads assistant text back into a trace: the steps inside the first <c>&lt;think&gt;</c> block (split by the
    /// delimiter, or the <c>&lt;step&gt;</c> tags; blank pieces dropped) and the answer after <c>&lt;/think&gt;</c>. Text
    /// without a think block is all answer; an unclosed block leaves the answer null.
    /// </summary>
    public static ReasoningTrace Parse(string prompt, string text, StepFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        format ??= StepFormat.Lines;
        int open = text.IndexOf(StepFormat.ThinkOpen, StringComparison.Ordinal);
        if (open < 0) return new ReasoningTrace(prompt, null, text, format);
        int start = open + StepFormat.ThinkOpen.Length;
        int close = text.IndexOf(StepFormat.ThinkClose, start, StringComparison.Ordinal);
        var reasoning = close < 0 ? text[start..] : text[start..close];
        string? answer = close < 0 ? null : text[(close + StepFormat.ThinkClose.Length)..];
        var steps = format.UseStepTags
            ? StepTag().Matches(reasoning).Select(m => m.Groups[1].Value.Trim())
            : reasoning.Split(format.Delimiter).Select(format.CleanStep);
        return new ReasoningTrace(prompt, steps.Where(s => s.Length > 0).ToArray(), answer, format);
    }

    public bool Equals(ReasoningTrace? other) =>
        other is not null && Prompt == other.Prompt && Answer == other.Answer && Format == other.Format && Steps.SequenceEqual(other.Steps);

    public override int GetHashCode() => HashCode.Combine(Prompt, Answer, Steps.Count);

    [GeneratedRegex(@"<step>(.*?)</step>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex StepTag();
}
