namespace Vigil.Core.Metrics;

/// <summary>
/// The binary metrics of a detector on one evaluated set, with the positive class (a bot) as class 1: accuracy,
/// precision, recall and F1 of the positive class, Matthews correlation, ROC-AUC of the scores (NaN when the set
/// holds one class only), and the four confusion counts they come from. Conventions are
/// <see cref="ConfusionMatrix"/>'s (scikit-learn, <c>zero_division=0</c>).
/// </summary>
public sealed record BinaryEvaluation(
    double Accuracy, double Precision, double Recall, double F1, double Mcc, double RocAuc,
    long TruePositives, long FalsePositives, long TrueNegatives, long FalseNegatives)
{
    public long Count => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;

    /// <summary>
    /// Evaluates positive-class scores: a sample is predicted positive when its score is at least
    /// <paramref name="threshold"/>; ROC-AUC uses the scores themselves.
    /// </summary>
    public static BinaryEvaluation FromScores(ReadOnlySpan<bool> isPositive, ReadOnlySpan<double> scores, double threshold = 0.5)
    {
        if (isPositive.Length != scores.Length)
            throw new ArgumentException($"There are {isPositive.Length} labels but {scores.Length} scores.");
        if (scores.Length == 0) throw new ArgumentException("Cannot evaluate an empty set: there are no samples.");
        var labels = new int[scores.Length];
        var predictions = new int[scores.Length];
        for (int i = 0; i < scores.Length; i++)
        {
            labels[i] = isPositive[i] ? 1 : 0;
            predictions[i] = scores[i] >= threshold ? 1 : 0;
        }
        var m = ConfusionMatrix.From(labels, predictions, 2);
        return new BinaryEvaluation(m.Accuracy, m.Precision(1), m.Recall(1), m.F1(1), m.MatthewsCorrelation,
            Metrics.RocAuc.Binary(isPositive, scores),
            m.TruePositives(1), m.FalsePositives(1), m[0, 0], m.FalseNegatives(1));
    }
}
