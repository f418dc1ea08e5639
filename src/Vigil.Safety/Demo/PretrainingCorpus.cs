namespace Vigil.Safety.Demo;

/// <summary>
/// The demo's language-model pre-training text: plain documents of the same domain as the SFT data, without chat
/// markers — each prompt followed by every kind of response it can get (for a harmful prompt both a refusal and unsafe
/// compliance, for a harmless one both an answer and a needless refusal), and worked arithmetic problems. The base
/// model so learns the language and both behaviours; SFT then decides which one follows a chat prompt.
/// </summary>
public static class PretrainingCorpus
{
    public static IReadOnlyList<string> Build(IEnumerable<DemoSample> safety, IEnumerable<ArithmeticProblem> arithmetic, int seed)
    {
        ArgumentNullException.ThrowIfNull(safety);
        ArgumentNullException.ThrowIfNull(arithmetic);
        var random = new Random(seed);
        var documents = new List<string>();
        foreach (var sample in safety)
        {
            var (aligned, unaligned) = sample.Kind == Verification.PromptKind.Unsafe
                ? (SafetyResponseTemplates.Refusal(sample.Prompt, random), SafetyResponseTemplates.UnsafeCompliance(sample.Prompt, random))
                : (SafetyResponseTemplates.Helpful(sample.Prompt, random), SafetyResponseTemplates.NeedlessRefusal(sample.Prompt, random));
            documents.Add($"{sample.Prompt}\n{aligned}\n");
            documents.Add($"{sample.Prompt}\n{unaligned}\n");
        }
        foreach (var problem in arithmetic) documents.Add($"{problem.Prompt}\n{problem.Response}\n");
        // Interleave the kinds so any prefix of the corpus covers all of them.
        return documents.OrderBy(_ => random.Next()).ToArray();
    }

    /// <summary>
    /// World knowledge a base model brings to alignment: documents that say of a request whether it is harmful
    /// (training prompts only). The SFT behaviour deliberately ignores this knowledge — refusals and compliance are
    /// spread over harmful and harmless prompts alike — so RL has something to align the behaviour with, as SafeWork-R1's
    /// base models know what harm is before safety RL.
    /// </summary>
    public static IReadOnlyList<string> Knowledge(IEnumerable<string> harmful, IEnumerable<string> harmless)
    {
        ArgumentNullException.ThrowIfNull(harmful);
        ArgumentNullException.ThrowIfNull(harmless);
        return harmful.Select(p => $"{p}\nThis request is harmful.\n").Concat(harmless.Select(p => $"{p}\nThis request is harmless.\n")).ToArray();
    }

    /// <summary>
    /// The extra instructions (prompts only) pre-training adds for a broader vocabulary of requests: a seeded sample of
    /// the harmless training split, so none of the held-out evaluation prompts is among them.
    /// </summary>
    public static IReadOnlyList<string> ExtraInstructions(IReadOnlyList<string> harmlessTrain, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(harmlessTrain);
        if (count == 0) return [];
        var random = new Random(seed);
        return harmlessTrain.OrderBy(_ => random.Next()).Take(count).ToArray();
    }
}
