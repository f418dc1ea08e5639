using Vigil.Safety.Policy;
using static TorchSharp.torch;

namespace Vigil.Safety.Probing;

/// <summary>
/// SafeWork-R1's "safety aha moment" analysis: for each position of the reasoning, how much the policy's final hidden
/// state there tells about whether the whole response ends up safe. Each position is probed over the samples whose
/// completion reaches it, with <see cref="LinearProbeInformation"/>; positions where either outcome has fewer than
/// <see cref="MinimumPerOutcome"/> samples are skipped rather than estimated from noise.
/// </summary>
public sealed class ReasoningPositionProbe(ICausalLanguageModel model, ITextTokenizer tokenizer)
{
    public int MaxPositions { get; init; } = 48;
    public int MinimumPerOutcome { get; init; } = 5;
    public int BatchSize { get; init; } = 32;
    public int Folds { get; init; } = 5;
    /// <summary>The probe's L2 penalty; null selects it by inner cross-validation (<see cref="LinearProbeInformation.L2Grid"/>).</summary>
    public double? L2 { get; init; }
    public int PredictedTokenCount { get; init; } = 3;

    public IReadOnlyList<PositionInformation> Run(IReadOnlyList<ProbeSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0) throw new ArgumentException("The probe needs samples.", nameof(samples));
        int positions = Math.Min(MaxPositions, samples.Max(s => s.CompletionIds.Length));
        var states = new List<float[]>[positions];
        var outcomes = new List<int>[positions];
        var tokens = new List<int>[positions];
        var predicted = new double[positions][];
        for (int p = 0; p < positions; p++) { states[p] = []; outcomes[p] = []; tokens[p] = []; }

        bool wasTraining = model.Module.training;
        model.Module.eval();
        try
        {
            using var noGrad = no_grad();
            for (int start = 0; start < samples.Count; start += BatchSize)
            {
                using var scope = NewDisposeScope();
                var batch = samples.Skip(start).Take(BatchSize).ToArray();
                var (ids, mask, offsets) = LeftPadded(batch);
                var hidden = model.HiddenStates(ids, mask);
                var probabilities = nn.functional.softmax(model.Logits(ids, mask), -1);
                for (int b = 0; b < batch.Length; b++)
                    for (int p = 0; p < Math.Min(positions, batch[b].CompletionIds.Length); p++)
                    {
                        long at = offsets[b] + batch[b].PromptIds.Length + p;
                        states[p].Add(hidden[b, at].data<float>().ToArray());
                        outcomes[p].Add(batch[b].Safe ? 1 : 0);
                        tokens[p].Add(batch[b].CompletionIds[p]);
                        var row = probabilities[b, at].to_type(ScalarType.Float64).data<double>().ToArray();
                        predicted[p] ??= new double[row.Length];
                        for (int v = 0; v < row.Length; v++) predicted[p][v] += row[v];
                    }
            }
        }
        finally
        {
            if (wasTraining) model.Module.train();
        }

        var results = new List<PositionInformation>();
        for (int p = 0; p < positions; p++)
        {
            int safe = outcomes[p].Count(o => o == 1), unsafeCount = outcomes[p].Count - safe;
            if (safe < MinimumPerOutcome || unsafeCount < MinimumPerOutcome) continue;
            using var features = tensor(states[p].SelectMany(s => s).ToArray()).reshape(states[p].Count, states[p][0].Length);
            var estimate = LinearProbeInformation.Estimate(features, outcomes[p], Math.Min(Folds, outcomes[p].Count), L2);
            int common = tokens[p].GroupBy(t => t).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
            var top = predicted[p].Select((mass, id) => (mass, id)).OrderByDescending(x => x.mass).ThenBy(x => x.id)
                .Take(PredictedTokenCount).Select(x => tokenizer.Decode([x.id])).ToArray();
            results.Add(new PositionInformation(p, estimate, tokenizer.Decode([common]), top));
        }
        return results;
    }

    /// <summary>The <paramref name="count"/> positions with the most information, strongest first.</summary>
    public static IReadOnlyList<PositionInformation> Peaks(IReadOnlyList<PositionInformation> curve, int count = 3) =>
        curve.OrderByDescending(c => c.Estimate.InformationBits).ThenBy(c => c.Position).Take(count).ToArray();

    private (Tensor Ids, Tensor Mask, long[] Offsets) LeftPadded(IReadOnlyList<ProbeSample> batch)
    {
        int length = batch.Max(s => s.PromptIds.Length + s.CompletionIds.Length);
        var ids = new long[batch.Count * length];
        var mask = new long[batch.Count * length];
        var offsets = new long[batch.Count];
        for (int b = 0; b < batch.Count; b++)
        {
            var sequence = batch[b].PromptIds.Concat(batch[b].CompletionIds).ToArray();
            offsets[b] = length - sequence.Length;
            for (int t = 0; t < length; t++)
            {
                bool real = t >= offsets[b];
                ids[b * length + t] = real ? sequence[t - offsets[b]] : tokenizer.PaddingId;
                mask[b * length + t] = real ? 1 : 0;
            }
        }
        return (tensor(ids).reshape(batch.Count, length), tensor(mask).reshape(batch.Count, length), offsets);
    }
}
