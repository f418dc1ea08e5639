using static TorchSharp.torch;

namespace Vigil.Safety.Probing;

/// <summary>
/// Estimates how much a hidden state tells about a binary outcome with a cross-validated, L2-regularised logistic
/// probe: the mutual information I(h; Y) is at least H(Y) − E[−log₂ q(y | h)] for any predictor q, so the probe's
/// held-out cross-entropy gives a lower bound that cannot be inflated by fitting the training fold.
/// </summary>
public static class LinearProbeInformation
{
    /// <summary>The L2 strengths tried when none is given: chosen per outer fold by an inner cross-validation on that
    /// fold's training part only, so the held-out estimate stays honest (a few hundred samples of 256-wide states
    /// overfit badly at a weak penalty).</summary>
    public static IReadOnlyList<double> L2Grid { get; } = [1e-2, 1e-1, 1, 10];

    /// <summary>
    /// <paramref name="features"/> is [samples, width] (float32); <paramref name="outcomes"/> holds 0/1 per sample.
    /// Features are standardised with the training fold's statistics; folds are a seeded shuffle. With
    /// <paramref name="l2"/> null the penalty is selected from <see cref="L2Grid"/> inside each training fold.
    /// </summary>
    public static ProbeEstimate Estimate(Tensor features, IReadOnlyList<int> outcomes, int folds = 5, double? l2 = null, int iterations = 25, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (features.dim() != 2) throw new ArgumentException($"Probe features must be [samples, width], got shape [{string.Join(", ", features.shape)}].", nameof(features));
        int n = (int)features.shape[0];
        if (outcomes.Count != n) throw new ArgumentException($"Got {n} feature rows but {outcomes.Count} outcomes.", nameof(outcomes));
        if (outcomes.Any(o => o is not (0 or 1))) throw new ArgumentException("Outcomes must be 0 or 1.", nameof(outcomes));
        if (folds < 2 || folds > n) throw new ArgumentOutOfRangeException(nameof(folds), $"Need 2 ≤ folds ≤ samples ({n}), got {folds}.");

        double positive = outcomes.Count(o => o == 1) / (double)n;
        double entropy = BinaryEntropyBits(positive);
        if (entropy == 0) return new ProbeEstimate(n, 0, 0, 0);

        var order = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(order);
        double totalNats = 0;
        using var x = features.to_type(ScalarType.Float32);
        using var y = tensor(outcomes.Select(o => (float)o).ToArray());
        for (int f = 0; f < folds; f++)
        {
            using var scope = NewDisposeScope();
            var test = order.Where((_, i) => i % folds == f).Select(i => (long)i).ToArray();
            var train = order.Where((_, i) => i % folds != f).Select(i => (long)i).ToArray();
            var xTrain = x.index_select(0, tensor(train));
            var xTest = x.index_select(0, tensor(test));
            var mean = xTrain.mean([0]);
            var std = xTrain.std(0, unbiased: false).clamp_min(1e-6);
            xTrain = (xTrain - mean) / std;
            xTest = (xTest - mean) / std;
            var yTrain = y.index_select(0, tensor(train));
            var yTest = y.index_select(0, tensor(test));
            double penalty = l2 ?? SelectPenalty(xTrain, yTrain, iterations, seed);
            var (weight, bias) = Fit(xTrain, yTrain, penalty, iterations);
            var logits = xTest.matmul(weight) + bias;
            totalNats += nn.functional.binary_cross_entropy_with_logits(logits, yTest, reduction: nn.Reduction.Sum).item<float>();
        }
        double crossEntropyBits = totalNats / n / Math.Log(2);
        return new ProbeEstimate(n, entropy, crossEntropyBits, Math.Max(0, entropy - crossEntropyBits));
    }

    // Inner 3-fold cross-validation on already standardised training rows; ties go to the stronger penalty.
    private static double SelectPenalty(Tensor x, Tensor y, int iterations, int seed)
    {
        long n = x.shape[0];
        if (n < 6) return L2Grid[^1];
        var order = Enumerable.Range(0, (int)n).ToArray();
        new Random(seed + 1).Shuffle(order);
        double best = double.PositiveInfinity, chosen = L2Grid[^1];
        foreach (double candidate in L2Grid.Reverse())
        {
            double loss = 0;
            for (int f = 0; f < 3; f++)
            {
                using var scope = NewDisposeScope();
                var test = tensor(order.Where((_, i) => i % 3 == f).Select(i => (long)i).ToArray());
                var train = tensor(order.Where((_, i) => i % 3 != f).Select(i => (long)i).ToArray());
                var (w, b) = Fit(x.index_select(0, train), y.index_select(0, train), candidate, iterations);
                loss += nn.functional.binary_cross_entropy_with_logits(x.index_select(0, test).matmul(w) + b, y.index_select(0, test), reduction: nn.Reduction.Sum).item<float>();
            }
            if (loss < best - 1e-9) { best = loss; chosen = candidate; }
        }
        return chosen;
    }

    public static double BinaryEntropyBits(double p) =>
        p <= 0 || p >= 1 ? 0 : -(p * Math.Log2(p) + (1 - p) * Math.Log2(1 - p));

    // Newton's method (IRLS): the problem is small and strictly convex with the L2 term, so a few exact steps reach the
    // optimum deterministically, with no learning rate to tune. The bias is the last column and is not penalised.
    private static (Tensor Weight, Tensor Bias) Fit(Tensor x, Tensor y, double l2, int iterations)
    {
        long n = x.shape[0], width = x.shape[1];
        var design = cat([x, ones(n, 1)], 1);
        var penalty = eye(width + 1) * (2 * l2);
        penalty[width, width] = tensor(0f);
        var theta = zeros(width + 1);
        for (int i = 0; i < Math.Max(1, iterations); i++)
        {
            var p = sigmoid(design.matmul(theta));
            var gradient = design.t().matmul(p - y) / n + penalty.matmul(theta);
            var curvature = (design * (p * (1 - p)).unsqueeze(1)).t().matmul(design) / n + penalty + eye(width + 1) * 1e-8;
            var step = linalg.solve(curvature, gradient);
            theta = theta - step;
            if (step.abs().max().item<float>() < 1e-6) break;
        }
        return (theta[..(int)width], theta[(int)width]);
    }
}
