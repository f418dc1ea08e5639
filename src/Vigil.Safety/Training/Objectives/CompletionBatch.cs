using Vigil.Safety.Policy;
using static TorchSharp.torch;

namespace Vigil.Safety.Training.Objectives;

/// <summary>
/// Prompt + completion pairs packed for a causal LM: each row is prompt then completion, left-padded to the longest
/// row (the <see cref="ICausalLanguageModel"/> contract), so every completion ends at the last column. The C =
/// longest-completion columns at the right are the scored tokens: <see cref="Targets"/> [B, C] and
/// <see cref="CompletionMask"/> [B, C] (1 on a row's completion tokens, which sit right-aligned), predicted by the
/// logits at columns T − 1 − C … T − 2.
/// </summary>
public sealed record CompletionBatch(Tensor InputIds, Tensor AttentionMask, Tensor Targets, Tensor CompletionMask, int[] CompletionLengths)
{
    public int CompletionWidth => (int)Targets.shape[1];

    public static CompletionBatch Build(IReadOnlyList<int[]> prompts, IReadOnlyList<int[]> completions, int paddingId)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(completions);
        if (prompts.Count != completions.Count) throw new ArgumentException($"{prompts.Count} prompts but {completions.Count} completions.");
        if (prompts.Count == 0) throw new ArgumentException("An empty batch.", nameof(prompts));
        int rows = prompts.Count;
        for (int b = 0; b < rows; b++)
            if (prompts[b] is null || prompts[b].Length == 0) throw new ArgumentException($"Row {b} has an empty prompt: the first completion token needs a token before it.", nameof(prompts));
        int width = Enumerable.Range(0, rows).Max(b => prompts[b].Length + completions[b].Length);
        int scored = Math.Max(1, completions.Max(c => c.Length));
        var ids = new long[rows * width];
        var attention = new long[rows * width];
        var targets = new long[rows * scored];
        var mask = new float[rows * scored];
        Array.Fill(ids, paddingId);
        Array.Fill(targets, paddingId);
        var lengths = new int[rows];
        for (int b = 0; b < rows; b++)
        {
            var p = prompts[b];
            var c = completions[b];
            lengths[b] = c.Length;
            int start = width - p.Length - c.Length;
            for (int i = 0; i < p.Length; i++) { ids[b * width + start + i] = p[i]; attention[b * width + start + i] = 1; }
            for (int i = 0; i < c.Length; i++)
            {
                ids[b * width + start + p.Length + i] = c[i];
                attention[b * width + start + p.Length + i] = 1;
                targets[b * scored + scored - c.Length + i] = c[i];
                mask[b * scored + scored - c.Length + i] = 1;
            }
        }
        return new CompletionBatch(
            tensor(ids).reshape(rows, width), tensor(attention).reshape(rows, width),
            tensor(targets).reshape(rows, scored), tensor(mask).reshape(rows, scored), lengths);
    }

    /// <summary>Log-probabilities and entropies [B, C] of the completion tokens under <paramref name="model"/>.</summary>
    public (Tensor LogProbs, Tensor Entropy) Score(ICausalLanguageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var logits = model.Logits(InputIds, AttentionMask);
        long width = logits.shape[1];
        var predicting = logits.narrow(1, width - 1 - CompletionWidth, CompletionWidth);
        return TokenLogProbs.Compute(predicting, Targets, CompletionMask);
    }
}
