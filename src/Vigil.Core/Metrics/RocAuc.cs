namespace Vigil.Core.Metrics;

/// <summary>
/// Area under the ROC curve. The binary form is the Mann–Whitney statistic with tied scores given their average
/// rank, which equals the trapezoidal area under the ROC curve. It is undefined, and returned as NaN, when the
/// evaluated samples hold no positive or no negative (single-class ground truth).
/// </summary>
public static class RocAuc
{
    /// <summary>Binary AUC from per-sample positivity and scores (higher score = more positive).</summary>
    public static double Binary(ReadOnlySpan<bool> isPositive, ReadOnlySpan<double> scores)
    {
        if (isPositive.Length != scores.Length)
            throw new ArgumentException($"There are {isPositive.Length} positivity flags but {scores.Length} scores.");
        if (scores.Length == 0) throw new ArgumentException("Cannot compute ROC-AUC: there are no samples.");
        var keys = scores.ToArray();
        var order = new int[keys.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            if (!double.IsFinite(keys[i])) throw new ArgumentException($"Score {keys[i]} of sample {i} is not finite.");
            order[i] = i;
        }
        Array.Sort(keys, order);
        long positives = 0;
        double positiveRankSum = 0;
        for (int start = 0; start < keys.Length;)
        {
            int end = start;
            while (end + 1 < keys.Length && keys[end + 1] == keys[start]) end++;
            double averageRank = (start + end) / 2.0 + 1; // ranks are 1-based
            for (int k = start; k <= end; k++)
                if (isPositive[order[k]]) { positives++; positiveRankSum += averageRank; }
            start = end + 1;
        }
        long negatives = keys.Length - positives;
        if (positives == 0 || negatives == 0) return double.NaN;
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }

    /// <summary>
    /// Binary AUC of class <paramref name="positiveClass"/> against the rest, from one score per sample, over
    /// <paramref name="indices"/> (all samples when null).
    /// </summary>
    public static double Binary(int[] labels, float[] scores, int positiveClass, int[]? indices = null)
    {
        if (labels.Length != scores.Length)
            throw new ArgumentException($"There are {labels.Length} labels but {scores.Length} scores.");
        var idx = SampleSubset.Resolve(labels.Length, indices);
        var positive = new bool[idx.Length];
        var s = new double[idx.Length];
        for (int k = 0; k < idx.Length; k++) { positive[k] = labels[idx[k]] == positiveClass; s[k] = scores[idx[k]]; }
        return Binary(positive, s);
    }

    /// <summary>
    /// Macro one-vs-rest AUC from probability rows (<paramref name="probabilities"/> is row-major [samples,
    /// <paramref name="numClasses"/>]): class k's AUC scores column k against "label = k", and the result averages
    /// the classes whose AUC is defined (both present and absent among the evaluated samples), as OGB's evaluator
    /// does. NaN when no class qualifies.
    /// </summary>
    public static double MacroOneVsRest(int[] labels, float[] probabilities, int numClasses, int[]? indices = null)
    {
        CheckProbabilities(labels.Length, probabilities, numClasses);
        var idx = SampleSubset.Resolve(labels.Length, indices);
        var positive = new bool[idx.Length];
        var s = new double[idx.Length];
        double sum = 0; int defined = 0;
        for (int c = 0; c < numClasses; c++)
        {
            for (int k = 0; k < idx.Length; k++)
            {
                int i = idx[k];
                positive[k] = labels[i] == c;
                s[k] = probabilities[(long)i * numClasses + c];
            }
            double auc = Binary(positive, s);
            if (double.IsNaN(auc)) continue;
            sum += auc; defined++;
        }
        return defined == 0 ? double.NaN : sum / defined;
    }

    internal static void CheckProbabilities(int samples, float[] probabilities, int numClasses)
    {
        if (numClasses < 1) throw new ArgumentOutOfRangeException(nameof(numClasses), $"Number of classes must be at least 1, got {numClasses}.");
        if (probabilities.LongLength != (long)samples * numClasses)
            throw new ArgumentException($"Probabilities have {probabilities.LongLength} entries, expected samples × classes = {samples} × {numClasses}.");
    }
}
