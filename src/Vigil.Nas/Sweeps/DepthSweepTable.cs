using System.Globalization;
using System.Text;

namespace Vigil.Nas.Sweeps;

/// <summary>The depth sweep as a markdown table: a row per model, a column per depth, "accuracy ± std (MAD)" in each cell.</summary>
public static class DepthSweepTable
{
    public static string Markdown(IReadOnlyList<DepthSweepCell> cells, string dataset, int seeds)
    {
        var depths = cells.Select(c => c.Depth).Distinct().Order().ToArray();
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Test accuracy (%) mean ± std over {seeds} seed(s), with MAD of the output logits in brackets, on {dataset}.");
        sb.AppendLine();
        sb.Append("| model |").AppendJoin("", depths.Select(d => $" {d} |")).AppendLine();
        sb.Append("| --- |").AppendJoin("", depths.Select(_ => " --- |")).AppendLine();
        foreach (var model in cells.Select(c => c.Name).Distinct())
        {
            sb.Append("| ").Append(model).Append(" |");
            foreach (int d in depths)
            {
                var c = cells.FirstOrDefault(x => x.Name == model && x.Depth == d);
                sb.Append(c is null ? " – |" : string.Create(CultureInfo.InvariantCulture,
                    $" {100 * c.TestAccuracy.Mean:F1} ± {100 * c.TestAccuracy.Std:F1} ({c.Mad.Mean:F3}) |"));
            }
            sb.AppendLine();
        }
        return sb.ToString();
    }
}
