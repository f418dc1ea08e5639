using TorchSharp;
using Vigil.Safety.Labels;
using static TorchSharp.torch;

namespace Vigil.Safety.Verifiers.Learned;

/// <summary>
/// Trains a <see cref="SafetyHead"/> with TorchSharp: standardised inputs, Linear → ReLU → Dropout → Linear,
/// cross-entropy, by default class-weighted (weights ∝ 1/√frequency, so rare classes such as safe-with-warning are not drowned),
/// AdamW over shuffled mini-batches. Deterministic for a given seed.
/// </summary>
public static class SafetyHeadTrainer
{
    /// <summary>
    /// <see cref="SafetyHeadTrainingOptions.Members"/> heads, member k trained by <see cref="Train"/> with seed
    /// Seed + k; one member is exactly the head <see cref="Train"/> gives.
    /// </summary>
    public static SafetyHeadEnsemble TrainEnsemble(float[] features, int[] labels, int width, SafetyHeadTrainingOptions? options = null)
    {
        options ??= new SafetyHeadTrainingOptions();
        options.Validate();
        return new SafetyHeadEnsemble(Enumerable.Range(0, options.Members)
            .Select(k => Train(features, labels, width, options with { Seed = options.Seed + k })).ToArray());
    }

    public static SafetyHead Train(float[] features, int[] labels, int width, SafetyHeadTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        options ??= new SafetyHeadTrainingOptions();
        options.Validate();
        int n = labels.Length, classes = SafetyLabels.Count;
        if (n == 0) throw new ArgumentException("Cannot train a safety head on no items.", nameof(labels));
        if (features.Length != (long)n * width) throw new ArgumentException($"Expected {n} × {width} features, got {features.Length} values.", nameof(features));
        if (labels.Any(l => (uint)l >= (uint)classes)) throw new ArgumentException($"Labels must lie in [0, {classes}).", nameof(labels));

        var (mean, std) = Standardisation(features, n, width);
        var counts = new double[classes];
        foreach (int l in labels) counts[l]++;
        var classWeights = counts.Select(c => c > 0 ? (options.ClassWeights ? (float)(1 / Math.Sqrt(c / n)) : 1f) : 0f).ToArray();
        float weightMean = classWeights.Where(w => w > 0).Average();
        for (int c = 0; c < classes; c++) classWeights[c] /= weightMean;

        torch.manual_seed(options.Seed);
        var random = new Random(options.Seed);
        using var first = nn.Linear(width, options.Hidden);
        using var second = nn.Linear(options.Hidden, classes);
        using var x = tensor(Standardise(features, mean, std, n, width)).reshape(n, width);
        using var y = tensor(labels.Select(l => (long)l).ToArray());
        using var weight = tensor(classWeights);
        var parameters = first.parameters().Concat(second.parameters()).ToArray();
        using var optimizer = optim.AdamW(parameters, lr: options.LearningRate, weight_decay: options.WeightDecay);
        var order = Enumerable.Range(0, n).ToArray();
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            for (int start = 0; start < n; start += options.BatchSize)
            {
                using var scope = NewDisposeScope();
                var batch = tensor(order.AsSpan(start, Math.Min(options.BatchSize, n - start)).ToArray().Select(i => (long)i).ToArray());
                var hidden = nn.functional.dropout(nn.functional.relu(first.forward(x.index_select(0, batch))), options.Dropout, training: true);
                var loss = nn.functional.cross_entropy(second.forward(hidden), y.index_select(0, batch), weight: weight);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
        return new SafetyHead(width, options.Hidden, mean, std,
            first.weight!.data<float>().ToArray(), first.bias!.data<float>().ToArray(),
            second.weight!.data<float>().ToArray(), second.bias!.data<float>().ToArray());
    }

    private static (float[] Mean, float[] Std) Standardisation(float[] features, int n, int width)
    {
        var mean = new double[width];
        var sq = new double[width];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < width; k++)
            {
                double v = features[(long)i * width + k];
                mean[k] += v; sq[k] += v * v;
            }
        var m = new float[width];
        var s = new float[width];
        for (int k = 0; k < width; k++)
        {
            double mu = mean[k] / n;
            double variance = Math.Max(0, sq[k] / n - mu * mu);
            m[k] = (float)mu;
            // A constant feature keeps unit scale rather than dividing by zero.
            s[k] = variance > 1e-12 ? (float)Math.Sqrt(variance) : 1f;
        }
        return (m, s);
    }

    private static float[] Standardise(float[] features, float[] mean, float[] std, int n, int width)
    {
        var x = new float[features.Length];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < width; k++)
            {
                long at = (long)i * width + k;
                x[at] = (features[at] - mean[k]) / std[k];
            }
        return x;
    }
}
