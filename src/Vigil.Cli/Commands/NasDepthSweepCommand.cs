using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Core.Plots;
using Vigil.Graphs.IO;
using Vigil.Nas.Genotypes;
using Vigil.Nas.Loss;
using Vigil.Nas.Search;
using Vigil.Nas.Sweeps;
using Vigil.Nas.Training;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil nas depth-sweep</c>: GCN, GAT, GCN+DropEdge, GCN+PairNorm, GCNII, APPNP and the GraTO genotype at several
/// depths; writes <c>depth-sweep.md</c>, <c>accuracy-vs-depth.png</c>, <c>mad-vs-depth.png</c> and
/// <c>depth-sweep.json</c> into --out.
/// </summary>
public static class NasDepthSweepCommand
{
    /// <summary>The JSON shape of a depth sweep.</summary>
    public sealed record SweepDocument(string Dataset, IReadOnlyList<int> Depths, IReadOnlyList<int> Seeds, JsonElement? Genotype,
        IReadOnlyList<DepthSweepCell> Results, IReadOnlyList<string> Files);

    public static Command Create()
    {
        var shared = new NasTrainingOptions();
        var depths = new Option<string>("--depths") { Description = "Comma-separated depths (layers; APPNP's K; the genotype's blocks).", DefaultValueFactory = _ => "2,4,8,16,32" };
        var models = new Option<string?>("--models") { Description = "Comma-separated models. Default: all of " + string.Join(", ", DepthSweepModel.Keys) + "." };
        var genotype = new Option<string?>("--genotype") { Description = "Genotype JSON for the GraTO model. Default: search one first on --data." };
        var searchEpochs = new Option<int>("--search-epochs") { Description = "Search epochs when no --genotype is given.", DefaultValueFactory = _ => 50 };
        var operations = new Option<string?>("--operations") { Description = "Candidate operations of that search. Default: GraTO's set." };
        var maxEpochs = new Option<int?>("--max-epochs") { Description = "Cap on every model's training epochs. Default: each recipe's own (--epochs sets the genotype's)." };
        var outDir = new Option<string>("--out") { Description = "Folder for the table, the plots and the JSON.", Required = true };

        var cmd = new Command("depth-sweep", "Compare deep GNNs and the GraTO genotype on test accuracy and MAD across depths; write a markdown table and PNG plots.");
        foreach (var o in shared.All) cmd.Options.Add(o);
        foreach (var o in new Option[] { depths, models, genotype, searchEpochs, operations, maxEpochs, outDir }) cmd.Options.Add(o);
        cmd.SetAction(parse =>
        {
            try
            {
                int seed = parse.GetValue(shared.Seed);
                var depthList = ParseDepths(parse.GetValue(depths)!);
                var modelList = parse.GetValue(models) is { } m
                    ? m.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    : DepthSweepModel.Keys.ToArray();
                foreach (var key in modelList) DepthSweepModel.Find(key);
                var training = shared.Training(parse, depthList[0]);
                var seeds = shared.SeedList(parse);
                var graph = GraphLoading.Load(parse.GetValue(shared.Data), seed, parse.GetValue(shared.Normalize)!);
                string dir = parse.GetValue(outDir)!;
                Directory.CreateDirectory(dir);
                Terminal.Info($"[grey]{Markup.Escape(graph.ToString())}[/]");

                Genotype? cell = null;
                if (modelList.Contains(DepthSweepModel.GraTo))
                {
                    if (parse.GetValue(genotype) is { } file) cell = Genotype.Load(file);
                    else
                    {
                        var search = new SearchOptions
                        {
                            Epochs = parse.GetValue(searchEpochs),
                            Seed = seed,
                            Operations = NasSearchCommand.ParseOperations(parse.GetValue(operations)),
                            OperationOptions = shared.Operations(parse),
                            Network = new SuperNetOptions { Hidden = parse.GetValue(shared.Hidden), InputDropout = parse.GetValue(shared.InputDropout) },
                            Smoothness = new SmoothnessOptions { Weight = parse.GetValue(shared.Smoothness) },
                            MaxActivationBytes = shared.MaxBytes(parse),
                        };
                        cell = NasSearchCommand.SearchWithProgress(graph, search).Result.BestGenotype;
                        cell.Save(Path.Combine(dir, "genotype.json"));
                    }
                    Terminal.Info(Markup.Escape(cell.ToString()));
                }

                var options = new DepthSweepOptions
                {
                    Depths = depthList, Seeds = seeds, Models = modelList, Genotype = cell, Training = training,
                    MaxEpochs = parse.GetValue(maxEpochs),
                };
                var results = DepthSweep.Run(graph, options, new SyncProgress<string>(s => Terminal.Info($"[grey]{Markup.Escape(s)}[/]")));
                var files = Write(dir, graph.Name, results, seeds.Length);
                var document = new SweepDocument(graph.Name, depthList, seeds,
                    cell is null ? null : JsonDocument.Parse(cell.ToJson()).RootElement.Clone(), results, files);
                File.WriteAllText(Path.Combine(dir, "depth-sweep.json"), JsonSerializer.Serialize(document, Terminal.JsonOptions));
                if (parse.GetValue(shared.Json)) Terminal.WriteJson(document);
                Terminal.Human.WriteLine(File.ReadAllText(files[0]));
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or NpzFormatException or IOException or InvalidOperationException or FormatException)
            {
                return Terminal.Fail(e.Message);
            }
        });
        return cmd;
    }

    /// <summary>Writes the table and the two plots; returns their paths (table first).</summary>
    internal static string[] Write(string dir, string dataset, IReadOnlyList<DepthSweepCell> results, int seeds)
    {
        var table = Path.Combine(dir, "depth-sweep.md");
        File.WriteAllText(table, DepthSweepTable.Markdown(results, dataset, seeds));
        var accuracy = new LineChart { Title = $"Test accuracy vs depth ({dataset})", XLabel = "depth (layers / blocks / K)", YLabel = "test accuracy (%)", LogScaleX = true };
        var mad = new LineChart { Title = $"MAD of output logits vs depth ({dataset})", XLabel = "depth (layers / blocks / K)", YLabel = "MAD", LogScaleX = true };
        foreach (var group in results.GroupBy(r => r.Name))
        {
            var rows = group.OrderBy(r => r.Depth).ToArray();
            accuracy.Add(group.Key, rows.Select(r => (double)r.Depth), rows.Select(r => 100 * r.TestAccuracy.Mean));
            mad.Add(group.Key, rows.Select(r => (double)r.Depth), rows.Select(r => r.Mad.Mean));
        }
        var accuracyPng = Path.Combine(dir, "accuracy-vs-depth.png");
        var madPng = Path.Combine(dir, "mad-vs-depth.png");
        accuracy.SavePng(accuracyPng);
        mad.SavePng(madPng);
        return [table, accuracyPng, madPng];
    }

    internal static int[] ParseDepths(string value)
    {
        var parts = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) throw new ArgumentException("--depths names no depth.");
        var result = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], out result[i]) || result[i] < 1)
                throw new ArgumentException($"--depths: '{parts[i]}' (item {i + 1}) is not a positive integer.");
        return result;
    }
}
