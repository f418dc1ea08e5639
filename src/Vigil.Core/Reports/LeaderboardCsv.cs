using System.Globalization;
using System.Text;
using Vigil.Core.Metrics;
using Vigil.Core.Results;

namespace Vigil.Core.Reports;

/// <summary>The leaderboard as CSV, one row per method and dataset, mean and std of each metric in their own columns.</summary>
public static class LeaderboardCsv
{
    public static string Write(IReadOnlyList<LeaderboardRow> rows)
    {
        var sb = new StringBuilder();
        sb.Append("method,family,dataset,dataset_hash,config_hash,runs");
        foreach (var name in new[] { "accuracy", "precision", "recall", "f1", "mcc", "roc_auc", "train_seconds", "peak_memory_mb", "mad" })
            sb.Append($",{name}_mean,{name}_std");
        sb.AppendLine(",layers");
        foreach (var r in rows)
        {
            sb.Append(string.Join(",", Quote(r.Method), Quote(r.Family), Quote(r.Dataset), r.DatasetHash, r.ConfigHash, r.Runs.ToString(CultureInfo.InvariantCulture)));
            foreach (var m in new MeanStd?[] { r.Accuracy, r.Precision, r.Recall, r.F1, r.Mcc, r.RocAuc, r.TrainSeconds, r.PeakMemoryMb, r.Mad })
                sb.Append(',').Append(Number(m?.Mean)).Append(',').Append(Number(m?.Std));
            sb.Append(',').AppendLine(r.Layers?.ToString(CultureInfo.InvariantCulture) ?? "");
        }
        return sb.ToString();
    }

    private static string Number(double? value) =>
        value is { } v && !double.IsNaN(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
}
