namespace Vigil.Safety.Inference.Steps;

/// <summary>
/// How reasoning steps are written inside <c>&lt;think&gt;…&lt;/think&gt;</c>: each step followed by
/// <see cref="Delimiter"/> (default a newline), or, with <see cref="UseStepTags"/>, each wrapped in
/// <c>&lt;step&gt;…&lt;/step&gt;</c>.
/// </summary>
public sealed record StepFormat
{
    public const string ThinkOpen = "<think>";
    public const string ThinkClose = "</think>";
    public const string StepOpen = "<step>";
    public const string StepClose = "</step>";

    /// <summary>One step per line.</summary>
    public static StepFormat Lines { get; } = new();

    /// <summary>Steps in <c>&lt;step&gt;</c> tags.</summary>
    public static StepFormat Tags { get; } = new() { UseStepTags = true };

    /// <summary>
    /// One step per sentence, straight after <c>&lt;think&gt;</c>: the demo policy's format
    /// (<c>&lt;think&gt;3 × 4 = 12. 12 + 5 = 17.&lt;/think&gt;</c>).
    /// </summary>
    public static StepFormat Sentences { get; } = new() { Delimiter = ". ", DelimiterAfterThink = false };

    public string Delimiter { get; init; } = "\n";

    public bool UseStepTags { get; init; }

    /// <summary>Whether the delimiter also follows <c>&lt;think&gt;</c>, so the first step starts like the others (on its own line by default).</summary>
    public bool DelimiterAfterThink { get; init; } = true;

    /// <summary>The text that ends a step, and so the stop string for generating one.</summary>
    public string StepEnd => UseStepTags ? StepClose : Delimiter;

    /// <summary>What opens the reasoning block.</summary>
    public string Opening => UseStepTags || !DelimiterAfterThink ? ThinkOpen : ThinkOpen + Delimiter;

    public string RenderStep(string step) => UseStepTags ? StepOpen + step + StepClose : step + Delimiter;

    /// <summary>A step's own text from what the generator wrote: the delimiter or tags and surrounding whitespace removed.</summary>
    public string CleanStep(string generated)
    {
        ArgumentNullException.ThrowIfNull(generated);
        var text = generated.Trim();
        if (UseStepTags)
        {
            if (text.StartsWith(StepOpen, StringComparison.Ordinal)) text = text[StepOpen.Length..];
            if (text.EndsWith(StepClose, StringComparison.Ordinal)) text = text[..^StepClose.Length];
            return text.Trim();
        }
        if (Delimiter.Trim().Length > 0 && text.EndsWith(Delimiter.Trim(), StringComparison.Ordinal)) text = text[..^Delimiter.Trim().Length];
        return text.Trim();
    }

    /// <summary>Checks the format can be told apart from the text it delimits.</summary>
    public StepFormat Validated()
    {
        if (!UseStepTags && string.IsNullOrEmpty(Delimiter)) throw new ArgumentException("A step delimiter cannot be empty.");
        if (!UseStepTags && (Delimiter.Contains(ThinkOpen, StringComparison.Ordinal) || Delimiter.Contains(ThinkClose, StringComparison.Ordinal)))
            throw new ArgumentException($"The step delimiter '{Delimiter}' contains a think tag.");
        return this;
    }
}
