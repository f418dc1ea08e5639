using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Core.Results;

namespace Vigil.Cli.Commands;

/// <summary>Prints leaderboard rows on stderr: one table per dataset, best accuracy first.</summary>
internal static class LeaderboardTable
{
    public static void Print(IReadOnlyList<LeaderboardRow> rows)
    {
        foreach (var dataset in rows.GroupBy(r => (r.Dataset, r.DatasetHash)))
        {
            var table = new Table().Title($"{Markup.Escape(dataset.Key.Dataset)} ({dataset.Key.DatasetHash[..Math.Min(8, dataset.Key.DatasetHash.Length)]})")
                .AddColumns("method", "family", "runs", "accuracy", "precision", "recall", "F1", "MCC", "ROC-AUC", "train s", "peak MB");
            foreach (var r in dataset)
                table.AddRow(Markup.Escape(r.Method), r.Family, r.Runs.ToString(), r.Accuracy.Format(), r.Precision.Format(), r.Recall.Format(),
                    r.F1.Format(), r.Mcc.Format(), r.RocAuc.Format(), r.TrainSeconds.Format("F3"), r.PeakMemoryMb.Format("F0"));
            Terminal.Human.Write(table);
        }
    }
}
