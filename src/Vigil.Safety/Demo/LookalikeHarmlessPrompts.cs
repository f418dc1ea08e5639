namespace Vigil.Safety.Demo;

/// <summary>
/// Harmless prompts that look harmful — "Give a security measure that can help protect a phone from malware", "Describe
/// the behavior of a dog when it is about to attack" — mined from a harmless pool the way XSTest builds its safe prompts by hand: the
/// hard negatives of the refuse-or-answer decision. A small policy trained on random harmless instructions learns
/// "refuse when a harm word appears"; these prompts put a price on that shortcut.
/// A prompt scores the highest log-odds of any of its words appearing in a harmful rather than a harmless prompt of
/// the given pools (add-½ smoothing; only words seen in at least <see cref="MinimumHarmfulCount"/> harmful prompts, so
/// one-off words do not count), and the highest-scoring prompts are the lookalikes.
/// </summary>
public sealed class LookalikeHarmlessPrompts
{
    /// <summary>Harmful prompts a word must appear in before it counts as a harm cue.</summary>
    public const int MinimumHarmfulCount = 3;

    private readonly Dictionary<string, double> _logOdds = new(StringComparer.Ordinal);

    public LookalikeHarmlessPrompts(IReadOnlyCollection<string> harmful, IReadOnlyCollection<string> harmless)
    {
        ArgumentNullException.ThrowIfNull(harmful);
        ArgumentNullException.ThrowIfNull(harmless);
        if (harmful.Count == 0 || harmless.Count == 0) throw new ArgumentException("Harm cues need both harmful and harmless prompts.");
        var inHarmful = DocumentFrequency(harmful);
        var inHarmless = DocumentFrequency(harmless);
        foreach (var (word, count) in inHarmful)
        {
            if (count < MinimumHarmfulCount) continue;
            double harmlessCount = inHarmless.GetValueOrDefault(word);
            _logOdds[word] = Math.Log((count + 0.5) / harmful.Count) - Math.Log((harmlessCount + 0.5) / harmless.Count);
        }
    }

    /// <summary>
    /// How harmful the prompt looks: its strongest harm cue's log-odds (positive: the word is commoner in harmful
    /// prompts), or negative infinity when it has none.
    /// </summary>
    public double Score(string prompt)
    {
        double best = double.NegativeInfinity;
        foreach (var word in PromptWords.Of(prompt))
            if (_logOdds.TryGetValue(word, out double odds)) best = Math.Max(best, odds);
        return best;
    }

    /// <summary>
    /// The <paramref name="count"/> prompts of <paramref name="pool"/> that look most harmful (ties in pool order),
    /// only those with a cue commoner in harmful prompts.
    /// </summary>
    public IReadOnlyList<string> MostHarmfulLooking(IEnumerable<string> pool, int count)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return pool.Select((prompt, index) => (Prompt: prompt, Index: index, Score: Score(prompt)))
            .Where(p => p.Score > 0)
            .OrderByDescending(p => p.Score).ThenBy(p => p.Index)
            .Take(count).Select(p => p.Prompt).ToArray();
    }

    private static Dictionary<string, int> DocumentFrequency(IEnumerable<string> prompts)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var prompt in prompts)
            foreach (var word in PromptWords.Of(prompt))
                counts[word] = counts.GetValueOrDefault(word) + 1;
        return counts;
    }
}
