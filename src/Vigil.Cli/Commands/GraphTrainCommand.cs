using System.CommandLine;
using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Graphs.IO;
using Vigil.Graphs.Nn.Models;
using Vigil.Graphs.Nn.Norm;
using Vigil.Graphs.Training;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil graph train</c>: train one model, select on validation, report test metrics and MAD/MADGap.</summary>
public static class GraphTrainCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "Graph .npz file (Planetoid/gnn-benchmark keys). Default: the built-in generated graph (a contextual SBM, deterministic by --seed)." };
        var model = new Option<string>("--model") { Description = "Model: " + string.Join(", ", NodeModels.Names) + ".", DefaultValueFactory = _ => "gcn" };
        model.AcceptOnlyFromAmong(NodeModels.Names.ToArray());
        var layers = new Option<int?>("--layers") { Description = "Depth (message-passing layers). Default: the model's paper setting (2 for most; 64 for gcnii)." };
        var hidden = new Option<int?>("--hidden") { Description = "Hidden width (per head for gat). Default: the paper's." };
        var heads = new Option<int?>("--heads") { Description = "Attention heads of gat's hidden layers. Default: 8." };
        var dropout = new Option<double?>("--dropout") { Description = "Dropout rate. Default: the paper's." };
        var lr = new Option<double>("--lr") { Description = "Adam learning rate.", DefaultValueFactory = _ => 0.01 };
        var weightDecay = new Option<double>("--weight-decay") { Description = "L2 weight decay (on convolution weights when the model separates them).", DefaultValueFactory = _ => 5e-4 };
        var denseWeightDecay = new Option<double?>("--dense-weight-decay") { Description = "Weight decay for input/output layers of models that separate them (gcnii)." };
        var epochs = new Option<int>("--epochs") { Description = "Maximum epochs.", DefaultValueFactory = _ => 200 };
        var patience = new Option<int>("--patience") { Description = "Stop after this many epochs without a better validation accuracy or loss.", DefaultValueFactory = _ => 100 };
        var select = new Option<string>("--select") { Description = "Model selection on validation: accuracy or loss.", DefaultValueFactory = _ => "accuracy" };
        select.AcceptOnlyFromAmong("accuracy", "loss");
        var seed = new Option<int>("--seed") { Description = "Seed for initialisation, dropout, sampling and generated data.", DefaultValueFactory = _ => 0 };
        var fanouts = new Option<string?>("--fanouts") { Description = "Neighbour-sampling fan-outs per layer, e.g. 15,10 (-1 = all); trains in mini-batches. Default: full batch." };
        var batchSize = new Option<int>("--batch-size") { Description = "Target nodes per mini-batch (with --fanouts).", DefaultValueFactory = _ => 1024 };
        var normalize = new Option<string>("--normalize-features") { Description = "Row-normalise features: auto (when all are non-negative), on, off.", DefaultValueFactory = _ => "auto" };
        normalize.AcceptOnlyFromAmong("auto", "on", "off");
        var pairNorm = new Option<string>("--pairnorm") { Description = "PairNorm after hidden layers: none, pn, pn-si, pn-scs.", DefaultValueFactory = _ => "none" };
        pairNorm.AcceptOnlyFromAmong("none", "pn", "pn-si", "pn-scs");
        var dropEdge = new Option<double>("--drop-edge") { Description = "DropEdge rate per training epoch.", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "Write the result as one JSON object on stdout." };

        var cmd = new Command("train", "Train a GNN for node classification, select on validation, report test metrics and over-smoothing (MAD, MADGap).")
        {
            data, model, layers, hidden, heads, dropout, lr, weightDecay, denseWeightDecay, epochs, patience, select, seed,
            fanouts, batchSize, normalize, pairNorm, dropEdge, json,
        };
        cmd.SetAction(parse =>
        {
            try
            {
                int s = parse.GetValue(seed);
                var graph = GraphLoading.Load(parse.GetValue(data), s, parse.GetValue(normalize)!);
                var options = new ExperimentOptions
                {
                    Model = parse.GetValue(model)!,
                    ModelOptions = new ModelOptions
                    {
                        Layers = parse.GetValue(layers),
                        Hidden = parse.GetValue(hidden),
                        Heads = parse.GetValue(heads),
                        Dropout = parse.GetValue(dropout),
                        PairNorm = ParsePairNorm(parse.GetValue(pairNorm)!),
                        DropEdge = parse.GetValue(dropEdge),
                    },
                    Trainer = new TrainerOptions
                    {
                        Epochs = parse.GetValue(epochs),
                        LearningRate = parse.GetValue(lr),
                        WeightDecay = parse.GetValue(weightDecay),
                        DenseWeightDecay = parse.GetValue(denseWeightDecay),
                        Patience = parse.GetValue(patience),
                        Seed = s,
                        Selection = parse.GetValue(select) == "loss" ? ModelSelection.ValidationLoss : ModelSelection.ValidationAccuracy,
                    },
                    Fanouts = ParseFanouts(parse.GetValue(fanouts)),
                    BatchSize = parse.GetValue(batchSize),
                };
                Terminal.Info($"[grey]{Markup.Escape(graph.ToString())}[/]");
                var result = TrainWithProgress(graph, options);
                if (parse.GetValue(json)) Terminal.WriteJson(ResultDocument.From(result));
                PrintResult(result);
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or NpzFormatException or IOException or InvalidOperationException)
            {
                return Terminal.Fail(e.Message);
            }
        });
        return cmd;
    }

    internal static NodeClassificationResult TrainWithProgress(Graphs.Data.Graph graph, ExperimentOptions options, string? label = null)
    {
        NodeClassificationResult? result = null;
        Terminal.Human.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(label ?? options.Model), maxValue: options.Trainer.Epochs);
                var progress = new SyncProgress<EpochStats>(e =>
                {
                    task.Value = e.Epoch;
                    task.Description = Markup.Escape($"{label ?? options.Model} epoch {e.Epoch} loss {e.TrainLoss:F3} val acc {e.ValAccuracy:P1}");
                });
                result = NodeClassificationExperiment.Run(graph, options, progress);
                task.Value = task.MaxValue;
            });
        return result!;
    }

    private static void PrintResult(NodeClassificationResult r)
    {
        var table = new Table().Title($"{Markup.Escape(r.Model)} ({r.Layers} layers) on {Markup.Escape(r.Dataset)}, seed {r.Seed}")
            .AddColumns("split", "n", "accuracy", "macro F1", "micro F1", "MCC", "ROC-AUC");
        foreach (var (name, m) in new[] { ("train", r.Train), ("validation", r.Validation), ("test", r.Test) })
            table.AddRow(name, m.Count.ToString(), $"{m.Accuracy:P2}", $"{m.MacroF1:F4}", $"{m.MicroF1:F4}", $"{m.MatthewsCorrelation:F4}", $"{m.RocAuc:F4}");
        Terminal.Human.Write(table);
        Terminal.Info($"best epoch {r.BestEpoch} of {r.EpochsRun}; MAD {r.Mad:F4}, MADGap {r.MadGap:F4}{(r.SmoothnessSampled ? " (sampled)" : "")}; " +
            $"median epoch {r.MedianEpochMilliseconds:F1} ms; {r.TotalSeconds:F1} s in all; peak memory {r.PeakWorkingSetBytes / 1048576.0:F0} MB");
    }

    internal static PairNormMode? ParsePairNorm(string value) => value switch
    {
        "pn" => PairNormMode.PN,
        "pn-si" => PairNormMode.PNSI,
        "pn-scs" => PairNormMode.PNSCS,
        _ => null,
    };

    internal static int[]? ParseFanouts(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var parts = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var result = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], out result[i]) || result[i] == 0 || result[i] < -1)
                throw new ArgumentException($"--fanouts: '{parts[i]}' (item {i + 1}) is not a positive integer or -1.");
        }
        return result;
    }
}
