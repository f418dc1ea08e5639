namespace Vigil.Core.Metrics;

/// <summary>
/// Single-call classification metrics on plain label and prediction arrays, optionally restricted to a subset of
/// sample indices. Each builds a <see cref="ConfusionMatrix"/>, whose documentation gives the conventions.
/// </summary>
public static class ClassificationMetrics
{
    public static double Accuracy(int[] labels, int[] predictions, int numClasses, int[]? indices = null) =>
        ConfusionMatrix.From(labels, predictions, numClasses, indices).Accuracy;

    public static double MacroF1(int[] labels, int[] predictions, int numClasses, int[]? indices = null) =>
        ConfusionMatrix.From(labels, predictions, numClasses, indices).MacroF1;

    public static double MicroF1(int[] labels, int[] predictions, int numClasses, int[]? indices = null) =>
        ConfusionMatrix.From(labels, predictions, numClasses, indices).MicroF1;

    public static double MacroPrecision(int[] labels, int[] predictions, int numClasses, int[]? indices = null) =>
        ConfusionMatrix.From(labels, predictions, numClasses, indices).MacroPrecision;

    public static double MacroRecall(int[] labels, int[] predictions, int numClasses, int[]? indices = null) =>
        ConfusionMatrix.From(labels, predictions, numClasses, indices).MacroRecall;

    /// <summary>Precision with <paramref name="positiveClass"/> as the positive class (binary or one-vs-rest).</summary>
    public static double Precision(int[] labels, int[] predictions, int numClasses, int positiveClass, int[]? indices = null) =>
        ConfusionMatrix.From(labels, predictions, numClasses, indices).Precision(positiveClass);

    /// <summary>Recall with <paramref name="positiveClass"/> as the positive class (binary or one-vs-rest).</summary>
    public static double Recall(int[] labels, int[] predictions, int numClasses, int positiveClass, int[]? indices = null) =>
        ConfusionMatrix.From(labels, predictions, numClasses, indices).Recall(positiveClass);

    /// <summary>F1 with <paramref name="positiveClass"/> as the positive class (binary or one-vs-rest).</summary>
    public static double F1(int[] labels, int[] predictions, int numClasses, int positiveClass, int[]? indices = null) =>
        ConfusionMatrix.From(labels, predictions, numClasses, indices).F1(positiveClass);

    /// <summary>Matthews correlation (binary, or Gorodkin's multi-class generalisation).</summary>
    public static double MatthewsCorrelation(int[] labels, int[] predictions, int numClasses, int[]? indices = null) =>
        ConfusionMatrix.From(labels, predictions, numClasses, indices).MatthewsCorrelation;
}
