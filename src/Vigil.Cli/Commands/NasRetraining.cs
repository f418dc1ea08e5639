using Vigil.Core.Metrics;
using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Graphs.Data;
using Vigil.Nas.Genotypes;
using Vigil.Nas.Training;

namespace Vigil.Cli.Commands;

/// <summary>Retrains a genotype once per seed with progress on stderr, saving each trained network's weights.</summary>
internal static class NasRetraining
{
    /// <param name="outDir">Folder for <c>model-seed{S}.pt</c> (TorchSharp state) per seed; null saves nothing.</param>
    public static List<NasSeedDocument> Run(Graph graph, Genotype genotype, GenotypeTrainingOptions options, int[] seeds, string? outDir, string label)
    {
        var documents = new List<NasSeedDocument>();
        foreach (int seed in seeds)
        {
            GenotypeTrainingResult? result = null;
            string? modelFile = null;
            Terminal.Human.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask(Markup.Escape($"{label} seed {seed}"), maxValue: options.Epochs);
                    var progress = new SyncProgress<GenotypeEpochStats>(e =>
                    {
                        task.Value = e.Epoch;
                        task.Description = Markup.Escape($"{label} seed {seed} epoch {e.Epoch} loss {e.TrainLoss:F3} val F1 {e.ValidationMacroF1:F3}{(double.IsNaN(e.ValidationMad) ? "" : $" MAD {e.ValidationMad:F3}")}");
                    });
                    var (network, r) = GenotypeTrainer.Fit(graph, genotype, seed, options, progress);
                    using (network)
                    {
                        if (outDir is not null)
                        {
                            modelFile = Path.Combine(outDir, $"model-seed{seed}.pt");
                            network.save(modelFile);
                        }
                    }
                    result = r;
                    task.Value = task.MaxValue;
                });
            var done = result!;
            Terminal.Info($"{Markup.Escape(label)} seed {seed}: test accuracy {done.Test.Accuracy:P2}, macro-F1 {done.Test.MacroF1:F4}, " +
                $"MAD {done.Mad:F4}, MADGap {done.MadGap:F4} (epoch {done.BestEpoch} of {done.EpochsRun}, {done.Seconds:F1} s)");
            documents.Add(NasSeedDocument.From(done, modelFile));
        }
        return documents;
    }

    /// <summary>Writes DIR/result.json (when a folder is given), the JSON document on stdout (with --json) and the summary.</summary>
    public static int Report(NasResultDocument document, string? dir, bool json)
    {
        if (dir is not null)
            File.WriteAllText(Path.Combine(dir, "result.json"), System.Text.Json.JsonSerializer.Serialize(document, Terminal.JsonOptions));
        if (json) Terminal.WriteJson(document);
        PrintSummary(document);
        return 0;
    }

    public static void PrintSummary(NasResultDocument d)
    {
        var table = new Table().Title(Markup.Escape($"GraTO genotype, {d.Layers} blocks, on {d.Dataset} ({d.Seeds.Count} seeds)"))
            .AddColumns("test accuracy", "test macro-F1", "MAD", "MADGap");
        table.AddRow(Format(d.TestAccuracy), Format(d.TestMacroF1), Format(d.Mad), Format(d.MadGap));
        Terminal.Human.Write(table);
    }

    private static string Format(MeanStd m) => m.Format();
}
