using Vigil.Safety.Suites;

namespace Vigil.Safety.Demo;

/// <summary>
/// Safety prompts for the demo's RL stage that pre-training and SFT never showed the policy, as the arithmetic RL
/// problems already are (the half SFT does not use). A policy of a few million parameters reads the prompts it was
/// trained on more surely than any others — the demo's base model reads 90% of its training harmful prompts as harmful,
/// 78% of these fresh ones and 32% of the held-out harmful set (<c>Vigil.Bench demo-knowledge</c>, docs/safety-ladder.md)
/// — so RL on the SFT prompts settles its refuse-or-answer decision on prompts it has memorised.
/// Harmful prompts come from AdvBench minus the harmful training split, every held-out prompt and every prompt whose
/// word set overlaps a held-out prompt's by <see cref="MaxEvaluationSimilarity"/> or more (AdvBench words many
/// behaviours several ways); harmless ones from the harmless training split minus every prompt pre-training or SFT used.
/// </summary>
public static class FreshRlPrompts
{
    /// <summary>Word-set Jaccard similarity from which an RL prompt counts as a near-copy of an evaluation prompt.</summary>
    public const double MaxEvaluationSimilarity = 0.5;

    /// <summary>
    /// Equal numbers of harmful and harmless prompts (as many harmful ones as survive the filters, at most
    /// <paramref name="maxPerKind"/>), sampled with <paramref name="seed"/>. <paramref name="lookalikeShare"/> of the
    /// harmless ones are the fresh harmless prompts that look most harmful next to the fresh harmful ones
    /// (<see cref="LookalikeHarmlessPrompts"/>), the rest a random sample. Then <paramref name="questionShare"/> of each
    /// kind are made questions (<see cref="QuestionFormPrompts"/>), none of them a near-copy of an evaluation prompt.
    /// </summary>
    public static (IReadOnlyList<string> Harmful, IReadOnlyList<string> Harmless) Build(
        IReadOnlyList<string> harmfulPool, IReadOnlyList<string> harmlessPool, IEnumerable<string> alreadySeen,
        IEnumerable<string> evaluationPrompts, int maxPerKind, int seed, double lookalikeShare = 0, double questionShare = 0)
    {
        ArgumentNullException.ThrowIfNull(harmfulPool);
        ArgumentNullException.ThrowIfNull(harmlessPool);
        if (maxPerKind < 1) throw new ArgumentOutOfRangeException(nameof(maxPerKind), maxPerKind, "At least one RL prompt of each kind is needed.");
        if (!(lookalikeShare >= 0 && lookalikeShare <= 1))
            throw new ArgumentOutOfRangeException(nameof(lookalikeShare), lookalikeShare, "The share of lookalike harmless prompts must lie in [0, 1].");
        if (!(questionShare >= 0 && questionShare <= 1))
            throw new ArgumentOutOfRangeException(nameof(questionShare), questionShare, "The share of question-form RL prompts must lie in [0, 1].");
        var seen = new HashSet<string>(alreadySeen, StringComparer.Ordinal);
        var evaluation = evaluationPrompts.Distinct(StringComparer.Ordinal).ToArray();
        seen.UnionWith(evaluation);
        var nearCopy = new NearCopyIndex(evaluation);
        var random = new Random(seed);
        var harmful = Fresh(harmfulPool, seen)
            .Where(p => nearCopy.MaxSimilarity(p) < MaxEvaluationSimilarity)
            .OrderBy(_ => random.Next()).Take(maxPerKind).ToArray();
        if (harmful.Length == 0) throw new InvalidOperationException("No fresh harmful RL prompt is left after removing the training and evaluation prompts.");
        var freshHarmless = Fresh(harmlessPool, seen).ToArray();
        IReadOnlyList<string> lookalikes = lookalikeShare == 0 ? [] : new LookalikeHarmlessPrompts(harmful, freshHarmless)
            .MostHarmfulLooking(freshHarmless, (int)Math.Round(lookalikeShare * harmful.Length));
        var chosen = new HashSet<string>(lookalikes, StringComparer.Ordinal);
        var harmless = lookalikes.Concat(freshHarmless.Where(p => !chosen.Contains(p)).OrderBy(_ => random.Next()))
            .Take(harmful.Length).ToArray();
        if (harmless.Length < harmful.Length)
            throw new InvalidOperationException($"Only {harmless.Length} fresh harmless RL prompts are left for {harmful.Length} harmful ones.");
        if (questionShare == 0) return (harmful, harmless);
        bool Usable(string question) => !seen.Contains(question) && nearCopy.MaxSimilarity(question) < MaxEvaluationSimilarity;
        return (QuestionFormPrompts.Rephrase(harmful, questionShare, random, Usable), QuestionFormPrompts.Rephrase(harmless, questionShare, random, Usable));
    }

    /// <summary>The pools from the data folder's <c>safety/</c> files: AdvBench and the harmless training split.</summary>
    public static (IReadOnlyList<string> Harmful, IReadOnlyList<string> Harmless) Pools(string dataDirectory)
    {
        var safety = Path.Combine(dataDirectory, "safety");
        var harmful = SafetySuites.Load(safety, SafetySuites.AdvBench).Select(p => p.Prompt).ToArray();
        var harmless = Data.InstructionSplitFile.Read(Split(safety, "harmless_train"));
        return (harmful, harmless);
    }

    /// <summary>
    /// Every prompt the demo's evaluation sets are sampled from (harmful and harmless validation and test splits, all of
    /// XSTest), not only the sampled ones: RL stays off the whole held-out side.
    /// </summary>
    public static IReadOnlyList<string> HeldOutPrompts(string dataDirectory)
    {
        var safety = Path.Combine(dataDirectory, "safety");
        return new[] { "harmful_val", "harmful_test", "harmless_val", "harmless_test" }
            .SelectMany(name => Data.InstructionSplitFile.Read(Split(safety, name)))
            .Concat(Data.XsTestPromptFile.Read(Path.Combine(safety, "xstest", "xstest_prompts.csv")).Select(p => p.Text)).ToArray();
    }

    private static string Split(string safety, string name) => Path.Combine(safety, "refusal-direction", "splits", name + ".json");

    private static IEnumerable<string> Fresh(IEnumerable<string> pool, HashSet<string> seen) =>
        pool.Where(p => !string.IsNullOrWhiteSpace(p) && !seen.Contains(p)).Distinct(StringComparer.Ordinal);

    /// <summary>Word-set Jaccard similarity to the closest of many texts, through an inverted word index.</summary>
    private sealed class NearCopyIndex
    {
        private readonly Dictionary<string, List<int>> _postings = new(StringComparer.Ordinal);
        private readonly int[] _sizes;
        private readonly int[] _shared;

        public NearCopyIndex(IReadOnlyList<string> texts)
        {
            _sizes = new int[texts.Count];
            _shared = new int[texts.Count];
            for (int i = 0; i < texts.Count; i++)
            {
                var words = PromptWords.Of(texts[i]);
                _sizes[i] = words.Count;
                foreach (var w in words)
                {
                    if (!_postings.TryGetValue(w, out var list)) _postings[w] = list = [];
                    list.Add(i);
                }
            }
        }

        public double MaxSimilarity(string text)
        {
            var words = PromptWords.Of(text);
            var touched = new List<int>();
            foreach (var w in words)
                if (_postings.TryGetValue(w, out var list))
                    foreach (int i in list)
                        if (_shared[i]++ == 0) touched.Add(i);
            double best = 0;
            foreach (int i in touched)
            {
                best = Math.Max(best, _shared[i] / (double)(words.Count + _sizes[i] - _shared[i]));
                _shared[i] = 0;
            }
            return best;
        }
    }
}
