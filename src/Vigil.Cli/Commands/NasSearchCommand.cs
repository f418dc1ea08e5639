using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Graphs.Data;
using Vigil.Graphs.IO;
using Vigil.Nas.Loss;
using Vigil.Nas.Search;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil nas search</c>: GraTO search on one graph, derivation of the genotype, retraining from scratch with several
/// seeds; writes <c>genotype.json</c>, <c>result.json</c> and one <c>model-seed{S}.pt</c> per seed into --out.
/// </summary>
public static class NasSearchCommand
{
    public static Command Create()
    {
        var shared = new NasTrainingOptions();
        var layers = new Option<int>("--layers") { Description = "Blocks of the retrained network.", DefaultValueFactory = _ => 2 };
        var searchLayers = new Option<int?>("--search-layers") { Description = "Blocks of the search network (all share one α, so the cell is the same at any depth). Default: --layers up to 2." };
        var steps = new Option<int>("--steps") { Description = "Intermediate nodes per cell.", DefaultValueFactory = _ => 3 };
        var searchEpochs = new Option<int>("--search-epochs") { Description = "Search epochs (on Cora the validation macro-F1 of the search network levels off within about 40).", DefaultValueFactory = _ => 50 };
        var order = new Option<string>("--order") { Description = "Architecture gradient: first or second (unrolled DARTS).", DefaultValueFactory = _ => "first" };
        order.AcceptOnlyFromAmong("first", "second");
        var operations = new Option<string?>("--operations") { Description = "Comma-separated candidate operations. Default: GraTO's set. Known: " + string.Join(", ", SearchSpace.KnownOperations) + "." };
        var archNodes = new Option<string>("--architecture-nodes") { Description = "Labelled nodes of the α step: held-out (half of the training nodes) or validation (GraTO's choice).", DefaultValueFactory = _ => "held-out" };
        archNodes.AcceptOnlyFromAmong("held-out", "validation");
        var outDir = new Option<string>("--out") { Description = "Folder for the genotype, the result and the trained models.", Required = true };

        var cmd = new Command("search", "Search a GNN cell with GraTO, derive its genotype, retrain it from scratch per seed, report test metrics and over-smoothing.");
        foreach (var o in shared.All) cmd.Options.Add(o);
        foreach (var o in new Option[] { layers, searchLayers, steps, searchEpochs, order, operations, archNodes, outDir }) cmd.Options.Add(o);
        cmd.SetAction(parse =>
        {
            try
            {
                int seed = parse.GetValue(shared.Seed);
                int blocks = parse.GetValue(layers);
                var seeds = shared.SeedList(parse);
                var training = shared.Training(parse, blocks);
                var graph = GraphLoading.Load(parse.GetValue(shared.Data), seed, parse.GetValue(shared.Normalize)!);
                var options = new SearchOptions
                {
                    Epochs = parse.GetValue(searchEpochs),
                    Seed = seed,
                    Operations = ParseOperations(parse.GetValue(operations)),
                    OperationOptions = shared.Operations(parse),
                    Network = new SuperNetOptions { Blocks = parse.GetValue(searchLayers) ?? Math.Min(blocks, 2), Steps = parse.GetValue(steps), Hidden = parse.GetValue(shared.Hidden),
                        InputDropout = parse.GetValue(shared.InputDropout) },
                    Smoothness = new SmoothnessOptions { Weight = parse.GetValue(shared.Smoothness) },
                    Architect = new ArchitectOptions { Gradient = parse.GetValue(order) == "second" ? ArchitectureGradient.SecondOrder : ArchitectureGradient.FirstOrder },
                    ArchitectureNodes = parse.GetValue(archNodes) == "validation" ? ArchitectureNodes.Validation : ArchitectureNodes.HeldOutTraining,
                    MaxActivationBytes = shared.MaxBytes(parse),
                };
                string dir = parse.GetValue(outDir)!;
                Directory.CreateDirectory(dir);
                Terminal.Info($"[grey]{Markup.Escape(graph.ToString())}[/]");

                var (result, seconds) = SearchWithProgress(graph, options);
                var genotypeFile = Path.Combine(dir, "genotype.json");
                result.BestGenotype.Save(genotypeFile);
                Terminal.Info($"search: {seconds:F1} s, best epoch {result.BestEpoch} (val score {result.BestScore:F4}, macro-F1 {result.BestValidationMacroF1:F4}, MAD {result.BestValidationMad:F4})");
                Terminal.Info(Markup.Escape(result.BestGenotype.ToString()));

                var runs = NasRetraining.Run(graph, result.BestGenotype, training, seeds, dir, "retrain");
                var document = NasResultDocument.From(graph.Name, training, result.BestGenotype, genotypeFile,
                    NasSearchDocument.From(result, options, seconds), runs);
                return NasRetraining.Report(document, dir, parse.GetValue(shared.Json));
            }
            catch (Exception e) when (e is ArgumentException or NpzFormatException or IOException or InvalidOperationException or FormatException)
            {
                return Terminal.Fail(e.Message);
            }
        });
        return cmd;
    }

    internal static (SearchResult Result, double Seconds) SearchWithProgress(Graph graph, SearchOptions options)
    {
        SearchResult? result = null;
        var clock = Stopwatch.StartNew();
        Terminal.Human.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("search", maxValue: options.Epochs);
                var progress = new SyncProgress<SearchEpochStats>(e =>
                {
                    task.Value = e.Epoch;
                    task.Description = Markup.Escape($"search epoch {e.Epoch} loss {e.TrainLoss:F3} val F1 {e.ValidationMacroF1:F3} MAD {e.ValidationMad:F3} ({e.Milliseconds:F0} ms)");
                });
                result = ArchitectureSearch.Run(graph, options, progress);
                task.Value = task.MaxValue;
            });
        return (result!, clock.Elapsed.TotalSeconds);
    }

    internal static IReadOnlyList<string> ParseOperations(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return SearchSpace.GraToOperations;
        var names = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < names.Length; i++) SearchSpace.RequireKnown(names[i], $"--operations item {i + 1}");
        return names;
    }
}
