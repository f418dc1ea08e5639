using Vigil.Safety.Labels;

namespace Vigil.Safety.Verifiers.Learned;

/// <summary>
/// The trained classifier of the learned safety verifier: standardised features → one hidden ReLU layer →
/// six logits (in <see cref="SafetyLabel"/> order) → softmax. Weights are plain row-major arrays so inference
/// needs no tensor library; <see cref="SafetyHeadTrainer"/> produces them with TorchSharp.
/// </summary>
public sealed class SafetyHead
{
    public int InputWidth { get; }
    public int Hidden { get; }
    /// <summary>Per-feature mean and standard deviation the inputs are standardised with.</summary>
    public float[] Mean { get; }
    public float[] Std { get; }
    /// <summary>[Hidden, InputWidth], [Hidden], [labels, Hidden], [labels].</summary>
    public float[] W1 { get; }
    public float[] B1 { get; }
    public float[] W2 { get; }
    public float[] B2 { get; }

    public SafetyHead(int inputWidth, int hidden, float[] mean, float[] std, float[] w1, float[] b1, float[] w2, float[] b2)
    {
        if (inputWidth < 1 || hidden < 1) throw new ArgumentException($"Head sizes must be positive, got input {inputWidth}, hidden {hidden}.");
        Check(mean, inputWidth, nameof(mean)); Check(std, inputWidth, nameof(std));
        Check(w1, (long)hidden * inputWidth, nameof(w1)); Check(b1, hidden, nameof(b1));
        Check(w2, (long)SafetyLabels.Count * hidden, nameof(w2)); Check(b2, SafetyLabels.Count, nameof(b2));
        if (std.Any(s => !(s > 0))) throw new ArgumentException("Every feature standard deviation must be positive.", nameof(std));
        InputWidth = inputWidth; Hidden = hidden; Mean = mean; Std = std; W1 = w1; B1 = b1; W2 = w2; B2 = b2;
    }

    private static void Check(float[] array, long length, string name)
    {
        ArgumentNullException.ThrowIfNull(array, name);
        if (array.Length != length) throw new ArgumentException($"Head array '{name}' has {array.Length} values, expected {length}.", name);
        if (array.Any(v => !float.IsFinite(v))) throw new ArgumentException($"Head array '{name}' holds a non-finite value.", name);
    }

    /// <summary>Label probabilities [rows, 6] for row-major features [rows, InputWidth].</summary>
    public double[] Predict(float[] features, int rows)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Length != (long)rows * InputWidth) throw new ArgumentException($"Expected {rows} × {InputWidth} features, got {features.Length} values.", nameof(features));
        int labels = SafetyLabels.Count;
        var result = new double[rows * labels];
        var x = new float[InputWidth];
        var h = new float[Hidden];
        for (int r = 0; r < rows; r++)
        {
            var row = features.AsSpan(r * InputWidth, InputWidth);
            for (int k = 0; k < InputWidth; k++) x[k] = (row[k] - Mean[k]) / Std[k];
            for (int j = 0; j < Hidden; j++)
                h[j] = Math.Max(0, B1[j] + System.Numerics.Tensors.TensorPrimitives.Dot(W1.AsSpan(j * InputWidth, InputWidth), x));
            var logits = new double[labels];
            double max = double.NegativeInfinity;
            for (int c = 0; c < labels; c++)
            {
                logits[c] = B2[c] + System.Numerics.Tensors.TensorPrimitives.Dot(W2.AsSpan(c * Hidden, Hidden), h);
                max = Math.Max(max, logits[c]);
            }
            double sum = 0;
            for (int c = 0; c < labels; c++) sum += logits[c] = Math.Exp(logits[c] - max);
            for (int c = 0; c < labels; c++) result[r * labels + c] = logits[c] / sum;
        }
        return result;
    }
}
