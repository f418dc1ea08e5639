using System.Text.RegularExpressions;
using Vigil.Core.Reports;
using Vigil.Core.Results;
using Vigil.Tests.Core.Results;

namespace Vigil.Tests.Core.Reports;

public class BenchmarkReportTests
{
    private static readonly ScoredSample[] Scores = [new(1, 1, 0.9), new(2, 0, 0.3), new(3, 1, 0.6), new(4, 0, 0.65)];

    // Two feature methods over two seeds, one graph method at two depths (for the MAD section), scores for seed 0.
    private static (List<RunRecord> Runs, Dictionary<long, IReadOnlyList<ScoredSample>> Predictions) Sample()
    {
        var runs = new List<RunRecord>
        {
            ResultsStoreTests.Run("Lee", 0, 0.9) with { Id = 1 },
            ResultsStoreTests.Run("Lee", 1, 0.8) with { Id = 2 },
            ResultsStoreTests.Run("Abreu", 0, 0.7) with { Id = 3 },
            ResultsStoreTests.Run("GCN", 0, 0.85, config: "{\"layers\":2}", layers: 2, mad: 0.6) with { Id = 4, Family = "graph" },
            ResultsStoreTests.Run("GCN", 0, 0.75, config: "{\"layers\":8}", layers: 8, mad: 0.1) with { Id = 5, Family = "graph" },
        };
        var predictions = new Dictionary<long, IReadOnlyList<ScoredSample>> { [1] = Scores, [3] = Scores, [4] = Scores };
        return (runs, predictions);
    }

    private static string Html()
    {
        var (runs, predictions) = Sample();
        return BenchmarkReport.Write(runs, id => predictions.TryGetValue(id, out var p) ? p : [], DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public void The_report_holds_the_leaderboard_confusion_matrices_and_inline_png_charts()
    {
        var html = Html();
        Assert.Contains("<table class=\"leaderboard\" id=\"leaderboard-1\">", html);
        Assert.Contains("<td>Lee</td><td>feature</td><td>2</td><td>0.8500 ± 0.0707</td>", html);
        // Confusion counts summed over Lee's two seeds (7, 2, 9, 3 each).
        Assert.Contains("<caption>Lee</caption><tr><th>true \\ predicted</th><th>human</th><th>bot</th></tr><tr><th>human</th><td>18</td><td>4</td></tr><tr><th>bot</th><td>6</td><td>14</td></tr>", html);
        foreach (var id in new[] { "accuracy-1", "roc-1", "mad-1", "depth-accuracy-1" })
        {
            var match = Regex.Match(html, $"<img class=\"chart\" id=\"{id}\" alt=\"[^\"]*\" src=\"data:image/png;base64,([^\"]+)\">");
            Assert.True(match.Success, $"no inline chart {id}");
            var png = Convert.FromBase64String(match.Groups[1].Value);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        }
        Assert.DoesNotContain("src=\"http", html);
    }

    [Fact]
    public void Without_graph_runs_there_is_no_depth_section_and_without_scores_no_roc_chart()
    {
        var (runs, _) = Sample();
        var html = BenchmarkReport.Write(runs.Where(r => r.Family == "feature").ToList(), _ => [], DateTimeOffset.UnixEpoch);
        Assert.DoesNotContain("id=\"mad-1\"", html);
        Assert.DoesNotContain("id=\"roc-1\"", html);
        Assert.Contains("No per-user scores", html);
    }

    [Fact]
    public void Markdown_and_csv_carry_each_method_and_dataset_with_mean_and_std()
    {
        var (runs, _) = Sample();
        var rows = Leaderboard.From(runs);
        var markdown = LeaderboardMarkdown.Write(rows);
        Assert.Contains("| Lee | feature | 0.8500 ± 0.0707 |", markdown);
        Assert.Contains("| Lee | feature | 2 | 0.8500 ± 0.0707 |", markdown);

        var lines = LeaderboardCsv.Write(rows).TrimEnd().Split('\n');
        var header = lines[0].Split(',');
        Assert.Equal(rows.Count + 1, lines.Length);
        var lee = lines.Single(l => l.StartsWith("Lee,")).Split(',');
        Assert.Equal(header.Length, lee.Length);
        Assert.Equal("0.85", lee[Array.IndexOf(header, "accuracy_mean")][..4]);
        Assert.Equal("2", lee[Array.IndexOf(header, "runs")]);
        var gcnDeep = lines.Single(l => l.StartsWith("GCN,") && l.EndsWith(",8")).Split(',');
        Assert.Equal("0.1", gcnDeep[Array.IndexOf(header, "mad_mean")]);
    }

    [ChromiumFact]
    public void A_real_browser_renders_the_table_and_decodes_every_chart()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        var report = Path.Combine(folder, "benchmark-report.html");
        File.WriteAllText(report, Html());
        // A copy with a probe script: after load it marks each image with its decoded width and counts table rows.
        var probe = Path.Combine(folder, "benchmark-report-probe.html");
        File.WriteAllText(probe, Html().Replace("</body>",
            "<script>window.addEventListener('load',()=>{for(const i of document.images)i.setAttribute('data-width',i.naturalWidth);" +
            "document.body.setAttribute('data-rows',document.querySelectorAll('table.leaderboard tbody tr').length);});</script></body>"));
        var dom = HeadlessChromium.Run(new Uri(probe).AbsoluteUri, "--virtual-time-budget=5000", "--dump-dom");
        Assert.Contains("data-rows=\"4\"", dom);
        var widths = Regex.Matches(dom, "<img class=\"chart\" id=\"([^\"]+)\"[^>]*data-width=\"(\\d+)\"");
        Assert.Equal(["accuracy-1", "roc-1", "mad-1", "depth-accuracy-1"], widths.Select(m => m.Groups[1].Value));
        Assert.All(widths, m => Assert.True(int.Parse(m.Groups[2].Value) >= 400, $"{m.Groups[1].Value} decoded {m.Groups[2].Value} px wide"));

        var screenshot = Path.Combine(folder, "benchmark-report.png");
        File.Delete(screenshot);
        HeadlessChromium.Run(new Uri(report).AbsoluteUri, $"--screenshot={screenshot}", "--window-size=1200,2400");
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is (nearly) empty");
    }
}
