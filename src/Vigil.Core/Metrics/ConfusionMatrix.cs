namespace Vigil.Core.Metrics;

/// <summary>
/// Counts of (true class, predicted class) pairs over a set of samples, and the metrics that follow from them.
/// Conventions follow scikit-learn with <c>zero_division=0</c>: a ratio with a zero denominator is 0, never NaN,
/// and macro averages run over the classes present in the ground truth or the predictions of the evaluated
/// samples (a class absent from both has no defined score and is left out; a class that occurs in the truth but
/// is never predicted scores F1 = 0 and counts).
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly long[] _counts;
    private readonly long[] _trueTotals;
    private readonly long[] _predictedTotals;

    public int NumClasses { get; }
    /// <summary>Number of evaluated samples.</summary>
    public long Total { get; }

    /// <summary>How many samples of class <paramref name="trueClass"/> were predicted as <paramref name="predictedClass"/>.</summary>
    public long this[int trueClass, int predictedClass] => _counts[CheckClass(trueClass) * NumClasses + CheckClass(predictedClass)];

    private ConfusionMatrix(int numClasses, long[] counts)
    {
        NumClasses = numClasses;
        _counts = counts;
        _trueTotals = new long[numClasses];
        _predictedTotals = new long[numClasses];
        for (int t = 0; t < numClasses; t++)
            for (int p = 0; p < numClasses; p++)
            {
                long c = counts[t * numClasses + p];
                _trueTotals[t] += c; _predictedTotals[p] += c; Total += c;
            }
    }

    /// <summary>
    /// Counts labels against predictions over <paramref name="indices"/> (all samples when null). Every evaluated
    /// label and prediction must lie in [0, <paramref name="numClasses"/>).
    /// </summary>
    public static ConfusionMatrix From(int[] labels, int[] predictions, int numClasses, int[]? indices = null)
    {
        if (numClasses < 1) throw new ArgumentOutOfRangeException(nameof(numClasses), $"Number of classes must be at least 1, got {numClasses}.");
        if (labels.Length != predictions.Length)
            throw new ArgumentException($"There are {labels.Length} labels but {predictions.Length} predictions.");
        var idx = SampleSubset.Resolve(labels.Length, indices);
        var counts = new long[numClasses * numClasses];
        foreach (int i in idx)
        {
            int t = labels[i], p = predictions[i];
            if ((uint)t >= (uint)numClasses) throw new ArgumentOutOfRangeException(nameof(labels), $"Label {t} of sample {i} is outside [0, {numClasses}).");
            if ((uint)p >= (uint)numClasses) throw new ArgumentOutOfRangeException(nameof(predictions), $"Prediction {p} of sample {i} is outside [0, {numClasses}).");
            counts[t * numClasses + p]++;
        }
        return new ConfusionMatrix(numClasses, counts);
    }

    public static ConfusionMatrix From(int[] labels, int[] predictions, int numClasses, bool[] mask) =>
        From(labels, predictions, numClasses, SampleSubset.FromMask(mask, labels.Length));

    public long TruePositives(int c) => _counts[CheckClass(c) * NumClasses + c];
    public long FalsePositives(int c) => _predictedTotals[CheckClass(c)] - _counts[c * NumClasses + c];
    public long FalseNegatives(int c) => _trueTotals[CheckClass(c)] - _counts[c * NumClasses + c];
    /// <summary>Samples whose true class is <paramref name="c"/>.</summary>
    public long Support(int c) => _trueTotals[CheckClass(c)];
    /// <summary>Samples predicted as <paramref name="c"/>.</summary>
    public long PredictedCount(int c) => _predictedTotals[CheckClass(c)];

    /// <summary>True when class <paramref name="c"/> occurs in the truth or the predictions, so macro averages include it.</summary>
    public bool IsPresent(int c) => Support(c) > 0 || PredictedCount(c) > 0;

    public double Accuracy
    {
        get
        {
            long correct = 0;
            for (int c = 0; c < NumClasses; c++) correct += _counts[c * NumClasses + c];
            return (double)correct / Total;
        }
    }

    /// <summary>TP / (TP + FP) for class <paramref name="c"/> as the positive class; 0 when it is never predicted.</summary>
    public double Precision(int c) => Ratio(TruePositives(c), PredictedCount(c));

    /// <summary>TP / (TP + FN) for class <paramref name="c"/> as the positive class; 0 when it never occurs.</summary>
    public double Recall(int c) => Ratio(TruePositives(c), Support(c));

    /// <summary>Harmonic mean of precision and recall, 2TP / (2TP + FP + FN); 0 when that denominator is 0.</summary>
    public double F1(int c) => Ratio(2 * TruePositives(c), 2 * TruePositives(c) + FalsePositives(c) + FalseNegatives(c));

    public double MacroPrecision => MacroAverage(Precision);
    public double MacroRecall => MacroAverage(Recall);
    public double MacroF1 => MacroAverage(F1);

    /// <summary>
    /// F1 from counts pooled over classes. For single-label classification every error is one false positive and
    /// one false negative, so this equals accuracy.
    /// </summary>
    public double MicroF1
    {
        get
        {
            long tp = 0, fp = 0, fn = 0;
            for (int c = 0; c < NumClasses; c++) { tp += TruePositives(c); fp += FalsePositives(c); fn += FalseNegatives(c); }
            return Ratio(2 * tp, 2 * tp + fp + fn);
        }
    }

    /// <summary>
    /// Matthews correlation coefficient in Gorodkin's multi-class form (Comput. Biol. Chem. 2004),
    /// (c·s − Σ p_k t_k) / √((s² − Σ p_k²)(s² − Σ t_k²)) with c correct, s samples, p_k predicted and t_k true
    /// counts of class k; for two classes it is the usual binary MCC. 0 when the denominator is 0 (all truth or all
    /// predictions in one class), as scikit-learn returns.
    /// </summary>
    public double MatthewsCorrelation
    {
        get
        {
            double s = Total, correct = 0, pt = 0, pp = 0, tt = 0;
            for (int k = 0; k < NumClasses; k++)
            {
                correct += _counts[k * NumClasses + k];
                pt += (double)_predictedTotals[k] * _trueTotals[k];
                pp += (double)_predictedTotals[k] * _predictedTotals[k];
                tt += (double)_trueTotals[k] * _trueTotals[k];
            }
            double denominator = Math.Sqrt(s * s - pp) * Math.Sqrt(s * s - tt);
            return denominator == 0 ? 0 : (correct * s - pt) / denominator;
        }
    }

    /// <summary>F1 of every class (0 for classes absent from both truth and predictions).</summary>
    public double[] PerClassF1()
    {
        var f = new double[NumClasses];
        for (int c = 0; c < NumClasses; c++) f[c] = F1(c);
        return f;
    }

    private double MacroAverage(Func<int, double> metric)
    {
        double sum = 0; int n = 0;
        for (int c = 0; c < NumClasses; c++)
        {
            if (!IsPresent(c)) continue;
            sum += metric(c); n++;
        }
        return sum / n;
    }

    private static double Ratio(long numerator, long denominator) => denominator == 0 ? 0 : (double)numerator / denominator;

    private int CheckClass(int c) =>
        (uint)c < (uint)NumClasses ? c : throw new ArgumentOutOfRangeException(nameof(c), $"Class {c} is outside [0, {NumClasses}).");
}
