using TorchSharp;
using Vigil.Safety.Policy.Model;
using static TorchSharp.torch;

namespace Vigil.Safety.Policy.Generation;

/// <summary>
/// Batched sampling from a <see cref="TransformerLanguageModel"/> with a KV cache: prompts are left-padded into one
/// batch, every row stops on its own (an end-of-sequence id, a stop string in the decoded completion, or the token
/// limit), and finished rows leave the batch so later steps only compute live ones. Draws come from a
/// <see cref="Generator"/> seeded with <see cref="SamplingOptions.Seed"/>, so equal calls give equal samples.
/// End-of-sequence ids are the tokenizer's and the model config's <c>eos_token_id</c>s.
/// </summary>
public sealed class PolicyTextGenerator : ITextGenerator, Training.Grpo.IRolloutSampler
{
    private readonly HashSet<int> _endIds;

    public PolicyTextGenerator(TransformerLanguageModel model, ITextTokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tokenizer);
        Model = model;
        Tokenizer = tokenizer;
        _endIds = [tokenizer.EndOfSequenceId, .. model.Config.EosTokenIds];
    }

    public TransformerLanguageModel Model { get; }

    public ITextTokenizer Tokenizer { get; }

    public IReadOnlySet<int> EndOfSequenceIds => _endIds;

    public IReadOnlyList<GeneratedSequence> Generate(IReadOnlyList<string> prompts, SamplingOptions options)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        return GenerateIds(prompts.Select(p => Tokenizer.Encode(p).ToArray()).ToArray(), options);
    }

    /// <summary>
    /// Completes already tokenised prompts (special tokens included), one completion per prompt, in order. The text
    /// of a completion leaves out a final end-of-sequence token and ends right after the first stop string.
    /// </summary>
    public IReadOnlyList<GeneratedSequence> GenerateIds(IReadOnlyList<int[]> promptIds, SamplingOptions options)
    {
        ArgumentNullException.ThrowIfNull(promptIds);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxNewTokens);
        for (int i = 0; i < promptIds.Count; i++)
        {
            if (promptIds[i] is null || promptIds[i].Length == 0) throw new ArgumentException($"prompt {i} has no tokens", nameof(promptIds));
            foreach (int id in promptIds[i])
                if (id < 0 || id >= Model.VocabularySize) throw new ArgumentException($"prompt {i} holds token {id}, outside the vocabulary of {Model.VocabularySize}", nameof(promptIds));
        }
        int rows = promptIds.Count;
        var completions = Enumerable.Range(0, rows).Select(_ => new List<int>()).ToArray();
        var results = new GeneratedSequence?[rows];
        if (rows == 0) return [];
        if (options.MaxNewTokens == 0)
            return promptIds.Select(p => new GeneratedSequence(p, [], "", FinishReason.Length)).ToArray();

        using var noGrad = no_grad();
        using var generator = new Generator(unchecked((ulong)options.Seed));
        int longest = promptIds.Max(p => p.Length);
        using var cache = new KvCache(longest + options.MaxNewTokens);
        var active = Enumerable.Range(0, rows).ToList();
        long[] next = Prefill(promptIds, longest, cache, options, generator);
        while (true)
        {
            var survivors = new List<long>();
            for (int slot = 0; slot < active.Count; slot++)
            {
                int row = active[slot];
                completions[row].Add((int)next[slot]);
                results[row] = Finished(promptIds[row], completions[row], options);
                if (results[row] is null) survivors.Add(slot);
            }
            if (survivors.Count == 0) break;
            if (survivors.Count < active.Count)
            {
                using var keep = tensor(survivors.ToArray());
                cache.KeepRows(keep);
                active = survivors.Select(slot => active[(int)slot]).ToList();
                next = survivors.Select(slot => next[(int)slot]).ToArray();
            }
            next = Step(next, cache, options, generator);
        }
        return results.Select(r => r!).ToArray();
    }

    private long[] Prefill(IReadOnlyList<int[]> promptIds, int longest, KvCache cache, SamplingOptions options, Generator generator)
    {
        using var scope = NewDisposeScope();
        var ids = new long[promptIds.Count * longest];
        var mask = new long[ids.Length];
        for (int row = 0; row < promptIds.Count; row++)
        {
            int pad = longest - promptIds[row].Length;
            for (int t = 0; t < longest; t++)
            {
                bool real = t >= pad;
                ids[row * longest + t] = real ? promptIds[row][t - pad] : Tokenizer.PaddingId;
                mask[row * longest + t] = real ? 1 : 0;
            }
        }
        var input = tensor(ids, [promptIds.Count, longest]);
        var attention = tensor(mask, [promptIds.Count, longest]);
        var hidden = Model.HiddenStates(input, attention, cache);
        return Sample(hidden.select(1, longest - 1), options, generator);
    }

    private long[] Step(long[] tokens, KvCache cache, SamplingOptions options, Generator generator)
    {
        using var scope = NewDisposeScope();
        var hidden = Model.HiddenStates(tensor(tokens, [tokens.Length, 1]), null, cache);
        return Sample(hidden.select(1, 0), options, generator);
    }

    private long[] Sample(Tensor lastHidden, SamplingOptions options, Generator generator)
    {
        var logits = Model.OutputLogits(lastHidden);
        return TokenSampler.Next(logits, options.Temperature, options.TopP, generator).data<long>().ToArray();
    }

    /// <summary>The finished sequence, or null while the row goes on.</summary>
    private GeneratedSequence? Finished(int[] prompt, List<int> completion, SamplingOptions options)
    {
        int last = completion[^1];
        if (_endIds.Contains(last))
            return new GeneratedSequence(prompt, completion.ToArray(), Tokenizer.Decode(completion.Take(completion.Count - 1)), FinishReason.Stop);
        if (options.StopStrings.Count > 0)
        {
            string text = Tokenizer.Decode(completion);
            int end = FirstStopEnd(text, options.StopStrings);
            if (end >= 0) return new GeneratedSequence(prompt, completion.ToArray(), text[..end], FinishReason.Stop);
            if (completion.Count >= options.MaxNewTokens) return new GeneratedSequence(prompt, completion.ToArray(), text, FinishReason.Length);
            return null;
        }
        return completion.Count >= options.MaxNewTokens
            ? new GeneratedSequence(prompt, completion.ToArray(), Tokenizer.Decode(completion), FinishReason.Length)
            : null;
    }

    /// <summary>Where the earliest-ending stop string ends in <paramref name="text"/>, or −1.</summary>
    private static int FirstStopEnd(string text, IReadOnlyList<string> stopStrings)
    {
        int best = -1;
        foreach (string stop in stopStrings)
        {
            if (stop.Length == 0) continue;
            int at = text.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0 && (best < 0 || at + stop.Length < best)) best = at + stop.Length;
        }
        return best;
    }
}
