using System.Text;
using Vigil.Core.Results;

namespace Vigil.Core.Reports;

/// <summary>
/// The leaderboard as Markdown: a methods × datasets matrix of accuracy and of F1 (mean ± std over seeds), then per
/// dataset the full table (every metric, training time, peak memory, MAD where present).
/// </summary>
public static class LeaderboardMarkdown
{
    public static string Write(IReadOnlyList<LeaderboardRow> rows)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Bot-detection leaderboard").AppendLine();
        sb.AppendLine("Mean ± standard deviation over seeds on the test split; bot is the positive class.").AppendLine();
        var datasets = rows.Select(r => (r.Dataset, r.DatasetHash)).Distinct().ToList();
        foreach (var (metric, value) in new (string, Func<LeaderboardRow, string>)[] { ("Accuracy", r => r.Accuracy.Format()), ("F1", r => r.F1.Format()) })
        {
            sb.AppendLine($"## {metric}").AppendLine();
            sb.Append("| method | family |");
            foreach (var d in datasets) sb.Append($" {Escape(Label(d, datasets))} |");
            sb.AppendLine();
            sb.Append("|---|---|").Append(string.Concat(Enumerable.Repeat("---|", datasets.Count))).AppendLine();
            foreach (var method in rows.GroupBy(r => r.Method).OrderByDescending(g => g.Average(r => r.Accuracy.Mean)))
            {
                sb.Append($"| {Escape(method.Key)} | {method.First().Family} |");
                foreach (var d in datasets)
                {
                    var row = method.FirstOrDefault(r => r.DatasetHash == d.DatasetHash);
                    sb.Append($" {(row is null ? "–" : value(row))} |");
                }
                sb.AppendLine();
            }
            sb.AppendLine();
        }
        foreach (var d in datasets)
        {
            sb.AppendLine($"## {Escape(Label(d, datasets))}").AppendLine();
            sb.AppendLine("| method | family | runs | accuracy | precision | recall | F1 | MCC | ROC-AUC | train s | peak MB | MAD |");
            sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var r in rows.Where(r => r.DatasetHash == d.DatasetHash))
            {
                sb.AppendLine($"| {Escape(r.Method)} | {r.Family} | {r.Runs} | {r.Accuracy.Format()} | {r.Precision.Format()} | {r.Recall.Format()} | " +
                    $"{r.F1.Format()} | {r.Mcc.Format()} | {r.RocAuc.Format()} | {r.TrainSeconds.Format("F3")} | {r.PeakMemoryMb.Format("F0")} | {r.Mad?.Format() ?? "–"} |");
            }
            sb.AppendLine();
        }
        return sb.ToString();
    }

    /// <summary>The dataset's name, with a short hash when two datasets share a name.</summary>
    internal static string Label((string Name, string Hash) dataset, IReadOnlyList<(string Name, string Hash)> all) =>
        all.Count(d => d.Name == dataset.Name) > 1 ? $"{dataset.Name} ({dataset.Hash[..Math.Min(8, dataset.Hash.Length)]})" : dataset.Name;

    private static string Escape(string text) => text.Replace("|", "\\|");
}
