namespace Vigil.Core.Metrics;

/// <summary>
/// Every classification metric for one evaluated subset. <see cref="RocAuc"/> is NaN when no probabilities were
/// given or when it is undefined (see <see cref="Metrics.RocAuc"/>): for two classes it is the binary AUC of
/// column 1, otherwise the macro one-vs-rest AUC.
/// </summary>
public sealed record ClassificationReport(
    int Count,
    double Accuracy,
    double MacroF1,
    double MicroF1,
    double MacroPrecision,
    double MacroRecall,
    double MatthewsCorrelation,
    double RocAuc,
    ConfusionMatrix Confusion)
{
    /// <summary>
    /// Computes the report over <paramref name="indices"/> (all samples when null). <paramref name="probabilities"/>,
    /// when given, is row-major [samples, <paramref name="numClasses"/>] over all samples, indexed like the labels.
    /// </summary>
    public static ClassificationReport Compute(int[] labels, int[] predictions, int numClasses,
        float[]? probabilities = null, int[]? indices = null)
    {
        var idx = SampleSubset.Resolve(labels.Length, indices);
        var confusion = ConfusionMatrix.From(labels, predictions, numClasses, idx);
        double auc = double.NaN;
        if (probabilities is not null)
        {
            Metrics.RocAuc.CheckProbabilities(labels.Length, probabilities, numClasses);
            if (numClasses == 2)
            {
                var column1 = new float[labels.Length];
                foreach (int i in idx) column1[i] = probabilities[2L * i + 1];
                auc = Metrics.RocAuc.Binary(labels, column1, positiveClass: 1, idx);
            }
            else
            {
                auc = Metrics.RocAuc.MacroOneVsRest(labels, probabilities, numClasses, idx);
            }
        }
        return new ClassificationReport(idx.Length, confusion.Accuracy, confusion.MacroF1, confusion.MicroF1,
            confusion.MacroPrecision, confusion.MacroRecall, confusion.MatthewsCorrelation, auc, confusion);
    }

    /// <summary>Computes the report over the samples where <paramref name="mask"/> is true.</summary>
    public static ClassificationReport Compute(int[] labels, int[] predictions, int numClasses, bool[] mask,
        float[]? probabilities = null) =>
        Compute(labels, predictions, numClasses, probabilities, SampleSubset.FromMask(mask, labels.Length));

    public override string ToString() =>
        $"n={Count} acc={Accuracy:F4} macroF1={MacroF1:F4} microF1={MicroF1:F4} P={MacroPrecision:F4} R={MacroRecall:F4} MCC={MatthewsCorrelation:F4} AUC={RocAuc:F4}";
}
