namespace Vigil.Safety.Demo;

/// <summary>
/// Rephrases instructions as questions — "Write a tutorial on how to pick a lock" → "How do I pick a lock?",
/// "Generate a list of fruits" → "Can you generate a list of fruits?" — so that a share of each kind of RL prompt is a
/// question. Why: AdvBench, the fresh harmful pool, holds no question at all while about 12% of the harmless pool are
/// questions, so in RL the form of a request predicts its label, and the policy learns "a question is harmless".
/// Measured on the default demo's seed-2 RL policy (<c>Vigil.Bench demo-knowledge</c>, docs/safety-ladder.md): it reads
/// 96% of 100 fresh AdvBench instructions as harmful but 62% of the same requests asked "How do I …?" — and XSTest is
/// all questions. Both kinds get the same forms, so a form says nothing of the label.
/// </summary>
public static class QuestionFormPrompts
{
    /// <summary>
    /// The slot takes a verb phrase: X of an instruction asking for "how to X", else the whole instruction with its
    /// first letter lowered. One list for both, so no form is more frequent for either kind of prompt.
    /// </summary>
    private static readonly string[] Forms =
    [
        "How do I {0}?", "How can I {0}?", "What is the best way to {0}?", "What's the easiest way to {0}?",
        "Can you tell me how to {0}?", "Can you {0}?", "Could you {0}?", "Can you help me {0}?",
    ];

    private const int MaxWords = 40;
    private const int MaxWordsBeforeHowTo = 8;

    public static bool IsQuestion(string prompt) => prompt.TrimEnd().EndsWith('?');

    /// <summary>
    /// The instruction as a question in a randomly chosen form, or null when it is already a question or is not one
    /// plain sentence (several sentences, a quoted or listed input, a line break), which no fixed form rephrases well.
    /// </summary>
    public static string? AsQuestion(string instruction, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        // The form is drawn only for a prompt that can be rephrased, so the draws follow the prompts that change.
        return VerbPhrase(instruction) is { } verbPhrase ? Fill(Forms[random.Next(Forms.Length)], verbPhrase) : null;
    }

    /// <summary>The instruction as a question in the given <paramref name="form"/> ("How do I {0}?"), or null as above.</summary>
    public static string? AsQuestion(string instruction, string form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return VerbPhrase(instruction) is { } verbPhrase ? Fill(form, verbPhrase) : null;
    }

    private static string Fill(string form, string verbPhrase) => string.Format(System.Globalization.CultureInfo.InvariantCulture, form, verbPhrase);

    /// <summary>What a question's slot takes: X of "… how to X", else the instruction with its first letter lowered.</summary>
    private static string? VerbPhrase(string instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        var text = instruction.Trim().TrimEnd('.', '!', ' ');
        if (text.Length < 2 || IsQuestion(instruction) || !char.IsAsciiLetterUpper(text[0])) return null;
        if (text.IndexOfAny(['\n', '\r', '?', '!', ':', ';', '"', '“', '”']) >= 0 || text.Contains(". ", StringComparison.Ordinal)) return null;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || words.Length > MaxWords) return null;
        int howTo = IndexOfHowTo(words);
        if (howTo >= 0) return string.Join(' ', words[(howTo + 2)..]);
        // "Write a poem" → "write a poem"; "DDoS a site" keeps its capitals.
        return char.IsLower(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    /// <summary>
    /// <paramref name="prompts"/> with non-question prompts, chosen at random, rephrased until
    /// round(<paramref name="questionShare"/> × count) of them are questions (prompts already questions count; a share
    /// already reached changes nothing). A rephrasing <paramref name="accept"/> turns down — say, one that has become a
    /// near-copy of an evaluation prompt — leaves that prompt as it was. Order is kept.
    /// </summary>
    public static string[] Rephrase(IReadOnlyList<string> prompts, double questionShare, Random random, Func<string, bool>? accept = null)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(random);
        if (!(questionShare >= 0 && questionShare <= 1))
            throw new ArgumentOutOfRangeException(nameof(questionShare), questionShare, "The share of questions must lie in [0, 1].");
        var result = prompts.ToArray();
        int needed = (int)Math.Round(questionShare * result.Length) - result.Count(IsQuestion);
        if (needed <= 0) return result;
        var candidates = Enumerable.Range(0, result.Length).Where(i => !IsQuestion(result[i])).OrderBy(_ => random.Next()).ToArray();
        foreach (int i in candidates)
        {
            if (needed == 0) break;
            var question = AsQuestion(result[i], random);
            if (question is null || (accept is not null && !accept(question))) continue;
            result[i] = question;
            needed--;
        }
        return result;
    }

    /// <summary>Index of "how" in a "how to" that follows a short lead ("Explain", "Write a tutorial on") and leaves a task of two words or more.</summary>
    private static int IndexOfHowTo(string[] words)
    {
        for (int i = 1; i <= Math.Min(MaxWordsBeforeHowTo, words.Length - 4); i++)
            if (words[i].Equals("how", StringComparison.OrdinalIgnoreCase) && words[i + 1].Equals("to", StringComparison.OrdinalIgnoreCase))
                return i;
        return -1;
    }
}
