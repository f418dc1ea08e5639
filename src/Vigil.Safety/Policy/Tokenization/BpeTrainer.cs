using System.Text;
using System.Text.RegularExpressions;

namespace Vigil.Safety.Policy.Tokenization;

/// <summary>
/// Learns a byte-level BPE from a corpus: the 256 byte symbols, then merges of the most frequent adjacent pair
/// (ties: the pair whose ids are smallest) until the vocabulary, special tokens included, reaches
/// <see cref="VocabularySize"/> or no pair is left. Text is split by the pre-tokenizer regex first and counted as word
/// frequencies; pair counts are kept incrementally (only the words holding the merged pair are revisited), so a few MB
/// train in seconds. Ids: bytes 0–255, merges in order, then the special tokens. Special tokens occurring in the corpus
/// are cut out before counting.
/// </summary>
public sealed class BpeTrainer
{
    public int VocabularySize { get; }
    public IReadOnlyList<string> SpecialTokens { get; }
    public string PreTokenizerPattern { get; }

    public BpeTrainer(int vocabularySize, IReadOnlyList<string> specialTokens, string? preTokenizerPattern = null)
    {
        ArgumentNullException.ThrowIfNull(specialTokens);
        if (specialTokens.Any(string.IsNullOrEmpty) || specialTokens.Distinct(StringComparer.Ordinal).Count() != specialTokens.Count)
            throw new ArgumentException("Special tokens must be distinct non-empty strings.", nameof(specialTokens));
        if (vocabularySize < 256 + specialTokens.Count)
            throw new ArgumentOutOfRangeException(nameof(vocabularySize), $"The vocabulary needs at least 256 byte tokens plus {specialTokens.Count} special tokens, got {vocabularySize}.");
        VocabularySize = vocabularySize;
        SpecialTokens = specialTokens;
        PreTokenizerPattern = preTokenizerPattern ?? PreTokenizerPatterns.Qwen2;
    }

    /// <summary>The demo policy's special tokens: the <see cref="ChatTemplate.Demo"/> markers, padding and the think tags.</summary>
    public static IReadOnlyList<string> DemoSpecialTokens { get; } =
        new[] { "<|user|>", "<|assistant|>", "<|system|>", "<|end|>", "<|pad|>", "<think>", "</think>" };

    /// <summary>Trains on <paramref name="texts"/> and returns the tokenizer (end of sequence and padding resolved by name).</summary>
    public BpeTextTokenizer Train(IEnumerable<string> texts, string? endOfSequence = null, string? padding = null) =>
        new(Learn(texts), endOfSequence, padding);

    /// <summary>Trains on <paramref name="texts"/> and returns the tokenizer's definition.</summary>
    public BpeDefinition Learn(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var words = CountWords(texts);
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var spelling = new List<string>(VocabularySize);
        for (int b = 0; b < 256; b++) { var s = ByteLevelAlphabet.Char((byte)b).ToString(); vocabulary[s] = b; spelling.Add(s); }

        var symbols = new int[words.Count][];
        var frequency = new long[words.Count];
        int w = 0;
        foreach (var (word, count) in words)
        {
            var bytes = Encoding.UTF8.GetBytes(word);
            symbols[w] = Array.ConvertAll(bytes, b => (int)b);
            frequency[w++] = count;
        }

        var pairCounts = new Dictionary<long, long>();
        var holders = new Dictionary<long, List<int>>();
        var queue = new PriorityQueue<long, (long NegCount, long Pair)>();
        for (int i = 0; i < symbols.Length; i++)
            for (int k = 0; k + 1 < symbols[i].Length; k++)
            {
                long pair = Key(symbols[i][k], symbols[i][k + 1]);
                pairCounts[pair] = pairCounts.GetValueOrDefault(pair) + frequency[i];
                if (!holders.TryGetValue(pair, out var list)) holders[pair] = list = new List<int>();
                if (list.Count == 0 || list[^1] != i) list.Add(i);
            }
        foreach (var (pair, count) in pairCounts) queue.Enqueue(pair, (-count, pair));

        var merges = new List<BpeMerge>();
        int target = VocabularySize - SpecialTokens.Count;
        while (spelling.Count < target && queue.TryDequeue(out var best, out var priority))
        {
            // Stale queue entries (the count changed since they were queued) are skipped; the current one is queued too.
            if (!pairCounts.TryGetValue(best, out var current) || current != -priority.NegCount || current <= 0) continue;
            int left = (int)(best >> 32), right = (int)(best & 0xFFFFFFFF);
            var merged = spelling[left] + spelling[right];
            if (!vocabulary.TryGetValue(merged, out var id)) { id = spelling.Count; vocabulary[merged] = id; spelling.Add(merged); }
            merges.Add(new BpeMerge(spelling[left], spelling[right]));
            var changed = new HashSet<long>();
            foreach (var i in holders[best]) Merge(i, left, right, id, symbols, frequency, pairCounts, holders, changed);
            holders.Remove(best);
            pairCounts.Remove(best);
            foreach (var pair in changed)
                if (pairCounts.TryGetValue(pair, out var count) && count > 0) queue.Enqueue(pair, (-count, pair));
        }

        var added = new List<AddedToken>();
        foreach (var special in SpecialTokens)
        {
            if (vocabulary.ContainsKey(special)) throw new InvalidOperationException($"Special token \"{special}\" collides with a learned token.");
            added.Add(new AddedToken(spelling.Count + added.Count, special, Special: true));
            vocabulary[special] = added[^1].Id;
        }
        return new BpeDefinition(vocabulary, merges, added, PreTokenizerPattern);
    }

    private static void Merge(int i, int left, int right, int id, int[][] symbols, long[] frequency,
        Dictionary<long, long> pairCounts, Dictionary<long, List<int>> holders, HashSet<long> changed)
    {
        var word = symbols[i];
        bool present = false;
        for (int k = 0; k + 1 < word.Length && !present; k++) present = word[k] == left && word[k + 1] == right;
        if (!present) return;
        long f = frequency[i];
        for (int k = 0; k + 1 < word.Length; k++) { long p = Key(word[k], word[k + 1]); pairCounts[p] -= f; changed.Add(p); }
        var next = new List<int>(word.Length);
        for (int k = 0; k < word.Length; k++)
        {
            if (k + 1 < word.Length && word[k] == left && word[k + 1] == right) { next.Add(id); k++; }
            else next.Add(word[k]);
        }
        symbols[i] = word = next.ToArray();
        for (int k = 0; k + 1 < word.Length; k++)
        {
            long p = Key(word[k], word[k + 1]);
            pairCounts[p] = pairCounts.GetValueOrDefault(p) + f;
            changed.Add(p);
            if (!holders.TryGetValue(p, out var list)) holders[p] = list = new List<int>();
            if (list.Count == 0 || list[^1] != i) list.Add(i);
        }
    }

    private static long Key(int left, int right) => ((long)left << 32) | (uint)right;

    private Dictionary<string, long> CountWords(IEnumerable<string> texts)
    {
        var regex = new Regex(PreTokenizerPattern, RegexOptions.Compiled | RegexOptions.CultureInvariant);
        var specials = SpecialTokens.Count == 0 ? null
            : new Regex(string.Join("|", SpecialTokens.OrderByDescending(s => s.Length).Select(Regex.Escape)), RegexOptions.CultureInvariant);
        var words = new Dictionary<string, long>(StringComparer.Ordinal);
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var text in texts)
        {
            ArgumentNullException.ThrowIfNull(text, nameof(texts));
            foreach (var segment in specials is null ? new[] { text } : specials.Split(text))
                foreach (var match in regex.EnumerateMatches(segment))
                {
                    var word = segment.AsSpan(match.Index, match.Length);
                    if (lookup.TryGetValue(word, out var count)) lookup[word] = count + 1;
                    else lookup[word] = 1;
                }
        }
        return words;
    }
}
