using Microsoft.ML;
using Microsoft.ML.Data;

namespace Vigil.Bots.Baselines.Learners;

/// <summary>Turns a <see cref="TabularData"/> into an ML.NET view with a Label column and a fixed-size Features vector.</summary>
internal static class MlNetData
{
    public const string Label = nameof(FeatureRow.Label);
    public const string Features = nameof(FeatureRow.Features);

    public static IDataView ToView(MLContext ml, TabularData data)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, data.Columns);
        var labels = data.Labels;
        var rows = new FeatureRow[data.Rows];
        for (int i = 0; i < data.Rows; i++)
            rows[i] = new FeatureRow { Label = labels?[i] ?? false, Features = data.Row(i).ToArray() };
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    /// <summary>
    /// The positive-class probability of each scored row: the Probability column where the trainer is calibrated,
    /// otherwise the logistic of the raw score (same order, same 0.5 decision point as a score of 0).
    /// </summary>
    public static double[] PositiveProbability(IDataView scored)
    {
        if (scored.Schema.GetColumnOrNull("Probability") is not null)
            return scored.GetColumn<float>("Probability").Select(p => (double)p).ToArray();
        return scored.GetColumn<float>("Score").Select(s => 1 / (1 + Math.Exp(-s))).ToArray();
    }

    private sealed class FeatureRow
    {
        public bool Label { get; set; }
        public float[] Features { get; set; } = Array.Empty<float>();
    }
}
