using System.Globalization;
using System.Net;
using System.Text;
using Vigil.Core.Metrics;
using Vigil.Core.Plots;
using Vigil.Core.Results;

namespace Vigil.Core.Reports;

/// <summary>
/// One self-contained HTML page for the runs in a results store: per dataset the leaderboard table, an accuracy bar
/// chart, ROC curves (from the per-user scores kept for one seed per method), the confusion matrix of each method
/// (summed over its seeds), and for graph methods a depth/MAD section. Charts are PNGs inlined as base64 data URIs,
/// so the page opens anywhere with no other file.
/// </summary>
public static class BenchmarkReport
{
    public static string Write(IReadOnlyList<RunRecord> runs, Func<long, IReadOnlyList<ScoredSample>> predictions, DateTimeOffset generatedAt)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Vigil benchmark report</title>");
        html.AppendLine("<style>body{font-family:sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;margin:1em 0}" +
            "th,td{border:1px solid #bbb;padding:4px 8px;text-align:right;white-space:nowrap}th:first-child,td:first-child{text-align:left}" +
            "th{background:#eee}img.chart{display:block;margin:1em 0;max-width:100%}.confusion{display:inline-block;margin:0 1.5em 1em 0;vertical-align:top}</style>");
        html.AppendLine("</head><body>");
        html.AppendLine("<h1>Vigil benchmark report</h1>");
        html.AppendLine($"<p>{runs.Count} runs; generated {E(generatedAt.ToString("u", CultureInfo.InvariantCulture))}. " +
            "Metrics on the test split, mean ± std over seeds; bot is the positive class.</p>");
        if (runs.Count == 0) html.AppendLine("<p>The results store holds no runs.</p>");

        var rows = Leaderboard.From(runs);
        var datasets = rows.Select(r => (r.Dataset, r.DatasetHash)).Distinct().ToList();
        int index = 0;
        foreach (var dataset in datasets)
        {
            index++;
            var label = LeaderboardMarkdown.Label(dataset, datasets);
            var datasetRows = rows.Where(r => r.DatasetHash == dataset.DatasetHash).ToList();
            var datasetRuns = runs.Where(r => r.DatasetHash == dataset.DatasetHash).ToList();
            html.AppendLine($"<section class=\"dataset\" id=\"dataset-{index}\"><h2>{E(label)}</h2>");
            html.AppendLine($"<p>Content hash <code>{E(dataset.DatasetHash)}</code>.</p>");
            WriteTable(html, datasetRows, index);
            Image(html, $"accuracy-{index}", $"Accuracy of each method on {label}", MetricBarChart.Render($"Accuracy on {label}", "Accuracy",
                datasetRows.Select(r => (Label(r), r.Accuracy.Mean, r.Accuracy.Std)).ToList()));
            WriteRoc(html, datasetRows, datasetRuns, predictions, label, index);
            WriteConfusions(html, datasetRows, datasetRuns);
            WriteDepth(html, datasetRuns, label, index);
            html.AppendLine("</section>");
        }
        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static void WriteTable(StringBuilder html, List<LeaderboardRow> rows, int index)
    {
        html.AppendLine($"<h3>Leaderboard</h3><table class=\"leaderboard\" id=\"leaderboard-{index}\"><thead><tr>" +
            "<th>method</th><th>family</th><th>runs</th><th>accuracy</th><th>precision</th><th>recall</th><th>F1</th><th>MCC</th>" +
            "<th>ROC-AUC</th><th>train s</th><th>peak MB</th><th>MAD</th></tr></thead><tbody>");
        foreach (var r in rows)
        {
            html.AppendLine($"<tr><td>{E(Label(r))}</td><td>{E(r.Family)}</td><td>{r.Runs}</td><td>{r.Accuracy.Format()}</td>" +
                $"<td>{r.Precision.Format()}</td><td>{r.Recall.Format()}</td><td>{r.F1.Format()}</td><td>{r.Mcc.Format()}</td>" +
                $"<td>{r.RocAuc.Format()}</td><td>{r.TrainSeconds.Format("F3")}</td><td>{r.PeakMemoryMb.Format("F0")}</td><td>{r.Mad?.Format() ?? "–"}</td></tr>");
        }
        html.AppendLine("</tbody></table>");
    }

    private static void WriteRoc(StringBuilder html, List<LeaderboardRow> rows, List<RunRecord> runs,
        Func<long, IReadOnlyList<ScoredSample>> predictions, string label, int index)
    {
        var curves = new List<(string, RocCurve)>();
        foreach (var row in rows)
        {
            foreach (var run in runs.Where(r => r.Method == row.Method && r.ConfigHash == row.ConfigHash).OrderBy(r => r.Seed))
            {
                var samples = predictions(run.Id);
                if (samples.Count == 0) continue;
                var isBot = samples.Select(s => s.Label == 1).ToArray();
                var scores = samples.Select(s => s.Score).ToArray();
                curves.Add(($"{Label(row)} (seed {run.Seed})", RocCurve.Compute(isBot, scores)));
                break;
            }
        }
        html.AppendLine("<h3>ROC curves</h3>");
        if (curves.Count == 0)
        {
            html.AppendLine("<p>No per-user scores are stored for these runs.</p>");
            return;
        }
        Image(html, $"roc-{index}", $"ROC curves on {label}", RocChart.Render($"ROC on {label}", curves));
    }

    private static void WriteConfusions(StringBuilder html, List<LeaderboardRow> rows, List<RunRecord> runs)
    {
        html.AppendLine("<h3>Confusion matrices</h3><p>Test users, summed over each method's seeds.</p><div>");
        foreach (var row in rows)
        {
            var mine = runs.Where(r => r.Method == row.Method && r.ConfigHash == row.ConfigHash).ToList();
            long tp = mine.Sum(r => r.Metrics.TruePositives), fp = mine.Sum(r => r.Metrics.FalsePositives);
            long tn = mine.Sum(r => r.Metrics.TrueNegatives), fn = mine.Sum(r => r.Metrics.FalseNegatives);
            html.AppendLine($"<table class=\"confusion\"><caption>{E(Label(row))}</caption>" +
                "<tr><th>true \\ predicted</th><th>human</th><th>bot</th></tr>" +
                $"<tr><th>human</th><td>{tn}</td><td>{fp}</td></tr><tr><th>bot</th><td>{fn}</td><td>{tp}</td></tr></table>");
        }
        html.AppendLine("</div>");
    }

    private static void WriteDepth(StringBuilder html, List<RunRecord> runs, string label, int index)
    {
        var graph = runs.Where(r => r.Layers.HasValue && r.Mad.HasValue).ToList();
        if (graph.Count == 0) return;
        var madSeries = new List<(string, double[], double[])>();
        var accuracySeries = new List<(string, double[], double[])>();
        foreach (var method in graph.GroupBy(r => r.Method).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var byDepth = method.GroupBy(r => r.Layers!.Value).OrderBy(g => g.Key).ToList();
            var layers = byDepth.Select(g => (double)g.Key).ToArray();
            madSeries.Add((method.Key, layers, byDepth.Select(g => g.Average(r => r.Mad!.Value)).ToArray()));
            accuracySeries.Add((method.Key, layers, byDepth.Select(g => g.Average(r => r.Metrics.Accuracy)).ToArray()));
        }
        html.AppendLine("<h3>Depth and over-smoothing (graph methods)</h3>" +
            "<p>Mean average distance (MAD) of the final user representations against depth: values near 0 mean the users' representations have collapsed together.</p>");
        Image(html, $"mad-{index}", $"MAD against depth on {label}", DepthChart.Render($"MAD against depth on {label}", "MAD", madSeries));
        Image(html, $"depth-accuracy-{index}", $"Accuracy against depth on {label}", DepthChart.Render($"Accuracy against depth on {label}", "Accuracy", accuracySeries));
    }

    /// <summary>The method's name, with its depth for graph methods (one row per depth).</summary>
    private static string Label(LeaderboardRow row) => row.Layers is { } layers ? $"{row.Method} ({layers} layers)" : row.Method;

    private static void Image(StringBuilder html, string id, string alt, byte[] png) =>
        html.AppendLine($"<img class=\"chart\" id=\"{id}\" alt=\"{E(alt)}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\">");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
