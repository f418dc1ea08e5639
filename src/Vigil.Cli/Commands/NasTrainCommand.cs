using System.CommandLine;
using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Graphs.IO;
using Vigil.Nas.Genotypes;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil nas train</c>: retrain a saved genotype from scratch per seed and report test metrics and over-smoothing.</summary>
public static class NasTrainCommand
{
    public static Command Create()
    {
        var shared = new NasTrainingOptions();
        var genotype = new Option<string>("--genotype") { Description = "Genotype JSON written by 'vigil nas search'.", Required = true };
        var layers = new Option<int>("--layers") { Description = "Blocks of the network.", DefaultValueFactory = _ => 2 };
        var outDir = new Option<string?>("--out") { Description = "Folder for result.json and one model-seed{S}.pt per seed. Default: save nothing." };

        var cmd = new Command("train", "Retrain a genotype from scratch per seed; report test accuracy, macro-F1, MAD and MADGap (mean ± std).");
        foreach (var o in shared.All) cmd.Options.Add(o);
        foreach (var o in new Option[] { genotype, layers, outDir }) cmd.Options.Add(o);
        cmd.SetAction(parse =>
        {
            try
            {
                string file = parse.GetValue(genotype)!;
                var g = Genotype.Load(file);
                var training = shared.Training(parse, parse.GetValue(layers));
                var seeds = shared.SeedList(parse);
                var graph = GraphLoading.Load(parse.GetValue(shared.Data), parse.GetValue(shared.Seed), parse.GetValue(shared.Normalize)!);
                string? dir = parse.GetValue(outDir);
                if (dir is not null) Directory.CreateDirectory(dir);
                Terminal.Info($"[grey]{Markup.Escape(graph.ToString())}[/]");
                Terminal.Info(Markup.Escape(g.ToString()));
                var runs = NasRetraining.Run(graph, g, training, seeds, dir, "train");
                var document = NasResultDocument.From(graph.Name, training, g, file, null, runs);
                return NasRetraining.Report(document, dir, parse.GetValue(shared.Json));
            }
            catch (Exception e) when (e is ArgumentException or NpzFormatException or IOException or InvalidOperationException or FormatException)
            {
                return Terminal.Fail(e.Message);
            }
        });
        return cmd;
    }
}
