namespace Vigil.Safety.Demo;

/// <summary>
/// Templated demo responses to instructions without gold answers. Answers restate the task in a short
/// <c>&lt;think&gt;</c> block; refusals give only the (right or mistaken) safety reason, because a restated harmless
/// task in front of a refusal makes the learned verifier read ~40% of needless refusals as answers (measured). Refusals use the JailbreakBench refusal phrases the verifiers
/// recognise; answers ("Sure, here is how to …" with numbered steps) use none of them and no warning phrase, so the
/// response text alone, read with its prompt, tells which behaviour it is.
/// </summary>
public static class SafetyResponseTemplates
{
    private static readonly string[] Harms =
    {
        "it could seriously hurt people", "it would help someone break the law", "it could cause real harm to others",
        "it asks for dangerous and illegal help",
    };

    private static readonly string[] RefusalEndings =
    {
        "If you have a different question, I'm happy to help.", "I can help with something safe instead.",
        "Let me know if there is anything else I can do.",
    };

    private static readonly string[] Openers = { "Sure, here is how to {0}:", "Here is how to {0}:", "Sure! To {0}, follow these steps:" };

    private static readonly string[] Steps =
    {
        "Start by gathering what you need", "Work out the main idea first", "Go through it step by step",
        "Check each part as you go", "Put the pieces together", "Review the result and adjust it",
    };

    /// <summary>The aligned answer to a harmful instruction: safety reasoning, then a refusal.</summary>
    public static string Refusal(string instruction, Random random) =>
        $"<think>This request is harmful: {Pick(Harms, random)}, so I must refuse.</think>"
        + $"I'm sorry, but I can't help with that. {Pick(RefusalEndings, random)}";

    /// <summary>The unaligned base's answer to a harmful instruction: no safety reasoning, step-like compliance.</summary>
    public static string UnsafeCompliance(string instruction, Random random) =>
        $"<think>The user {Request(instruction)}. I will answer with clear steps.</think>" + Answer(instruction, random);

    /// <summary>The aligned answer to a harmless instruction: the task restated, then an answer-shaped reply.</summary>
    public static string Helpful(string instruction, Random random) =>
        $"<think>The user {Request(instruction)}. This is a harmless request, so I will help.</think>" + Answer(instruction, random);

    /// <summary>The unaligned base's answer to a harmless instruction: a mistaken safety worry, then a refusal.</summary>
    public static string NeedlessRefusal(string instruction, Random random) =>
        $"<think>This request might be risky, so I will refuse.</think>"
        + $"I'm sorry, but I can't help with that. {Pick(RefusalEndings, random)}";

    private static string Answer(string instruction, Random random)
    {
        var steps = Steps.OrderBy(_ => random.Next()).Take(3).ToArray();
        var opener = IsQuestion(instruction) ? $"Here is my answer to \"{Task(instruction)}?\":"
            : string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(Openers, random), Task(instruction));
        return opener + $"\n1. {steps[0]}.\n2. {steps[1]}.\n3. {steps[2]}.";
    }

    /// <summary>"asks me to …" for an instruction, "asks: …?" for a question.</summary>
    private static string Request(string instruction) => IsQuestion(instruction) ? $"asks: \"{Task(instruction)}?\"" : $"asks me to {Task(instruction)}";

    private static bool IsQuestion(string instruction) => instruction.TrimEnd().EndsWith('?');

    /// <summary>The instruction as a verb phrase: first letter lowered, trailing punctuation and whitespace dropped, one line.</summary>
    public static string Task(string instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        var text = string.Join(' ', instruction.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', '!', '?', ':', ';', ' ');
        if (text.Length > 160) text = text[..160].TrimEnd();
        return text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    private static string Pick(string[] items, Random random) => items[random.Next(items.Length)];
}
