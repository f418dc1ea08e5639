using System.Text.Json;
using SkiaSharp;
using Vigil.Graphs.IO;
using Vigil.Nas.Genotypes;
using Vigil.Tests.Cli;

namespace Vigil.Tests.Nas;

/// <summary>The <c>vigil nas</c> commands end to end on a tiny generated graph, through the real executable.</summary>
public sealed class NasCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-nas-cli-").FullName;
    private readonly string _data;

    public NasCommandTests()
    {
        _data = Path.Combine(_dir, "tiny.npz");
        GraphNpz.Save(NasTestGraphs.Sbm(nodes: 150, classes: 3, seed: 2, trainPerClass: 10, valPerClass: 15), _data);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string[] Tiny = ["--hidden", "8", "--epochs", "6", "--patience", "50"];

    [Fact]
    public void SearchThenTrainRetrainsTheSavedGenotype()
    {
        var outDir = Path.Combine(_dir, "search");
        var search = VigilProcess.Run(["nas", "search", "--data", _data, "--layers", "2", "--seeds", "2", "--search-epochs", "3", "--steps", "2",
            "--operations", "gcn,identity,drop-edge", .. Tiny, "--out", outDir, "--json"]);
        Assert.True(search.ExitCode == 0, search.Stderr);
        Assert.Contains("best epoch", search.Stderr);
        using var doc = JsonDocument.Parse(search.Stdout);
        var root = doc.RootElement;
        var seeds = root.GetProperty("seeds").EnumerateArray().ToArray();
        Assert.Equal([0, 1], seeds.Select(s => s.GetProperty("seed").GetInt32()));
        var accuracies = seeds.Select(s => s.GetProperty("test_accuracy").GetDouble()).ToArray();
        Assert.Equal(accuracies.Average(), root.GetProperty("test_accuracy").GetProperty("mean").GetDouble(), 12);
        // The sample standard deviation (n − 1) of two values is |a − b| / √2.
        Assert.Equal(Math.Abs(accuracies[0] - accuracies[1]) / Math.Sqrt(2), root.GetProperty("test_accuracy").GetProperty("std").GetDouble(), 12);
        Assert.Equal(seeds.Average(s => s.GetProperty("val_accuracy").GetDouble()), root.GetProperty("val_accuracy").GetProperty("mean").GetDouble(), 12);
        foreach (var key in new[] { "test_macro_f1", "mad", "mad_gap" }) Assert.True(root.GetProperty(key).TryGetProperty("mean", out _), key);
        Assert.Equal(3, root.GetProperty("search").GetProperty("epochs").GetInt32());

        // The genotype on stdout is the one saved, and every seed's weights are on disk.
        var saved = Genotype.Load(Path.Combine(outDir, "genotype.json"));
        Assert.Equal(saved, Genotype.FromJson(root.GetProperty("genotype").GetRawText()));
        Assert.All(saved.Nodes.SelectMany(n => n), e => Assert.Contains(e.Operation, new[] { "gcn", "identity", "drop-edge" }));
        Assert.All(seeds, s => Assert.True(new FileInfo(s.GetProperty("model_file").GetString()!).Length > 0));

        // Retraining the saved genotype with the same settings and seed reproduces the search's retraining.
        var train = VigilProcess.Run(["nas", "train", "--genotype", Path.Combine(outDir, "genotype.json"), "--data", _data,
            "--seeds", "1", .. Tiny, "--json"]);
        Assert.True(train.ExitCode == 0, train.Stderr);
        using var trained = JsonDocument.Parse(train.Stdout);
        Assert.Equal(accuracies[0], trained.RootElement.GetProperty("test_accuracy").GetProperty("mean").GetDouble(), 12);
    }

    [Fact]
    public void AMalformedGenotypeIsAClearErrorNamingTheFile()
    {
        var file = Path.Combine(_dir, "bad.json");
        File.WriteAllText(file, """{"combine":"mean","nodes":[[{"operation":"gcn","input":5}]]}""");
        var r = VigilProcess.Run("nas", "train", "--genotype", file, "--data", _data, "--json");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout.Trim());
        Assert.Contains(file, r.Stderr);
        Assert.Contains("state 5", r.Stderr);
    }

    [Fact]
    public void TooLargeAGraphForFullBatchIsRefusedWithTheLimit()
    {
        var r = VigilProcess.Run(["nas", "search", "--data", _data, "--memory-limit-gb", "0.0001", .. Tiny, "--out", Path.Combine(_dir, "x"), "--json"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("too large for a full-batch architecture search", r.Stderr);
        Assert.Contains("--memory-limit-gb", r.Stderr);
    }

    [Fact]
    public void DepthSweepWritesTheTableAndBothPlots()
    {
        var genotype = Path.Combine(_dir, "cell.json");
        new Genotype([[new GenotypeEdge("gcn", 1), new GenotypeEdge("identity", 0)]]).Save(genotype);
        var outDir = Path.Combine(_dir, "sweep");
        var r = VigilProcess.Run(["nas", "depth-sweep", "--data", _data, "--depths", "1,2", "--models", "gcn,appnp,grato",
            "--genotype", genotype, "--seeds", "1", "--max-epochs", "4", .. Tiny, "--out", outDir, "--json"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var results = doc.RootElement.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(6, results.Length);

        var table = File.ReadAllLines(Path.Combine(outDir, "depth-sweep.md"));
        Assert.Contains("| model | 1 | 2 |", table);
        foreach (var name in new[] { "GCN", "APPNP", "GraTO (searched)" })
        {
            var row = table.Single(l => l.StartsWith($"| {name} |"));
            var cell = results.First(x => x.GetProperty("name").GetString() == name && x.GetProperty("depth").GetInt32() == 2);
            // The table shows the JSON's numbers: accuracy in percent with one decimal, MAD with three.
            Assert.Contains($"{100 * cell.GetProperty("test_accuracy").GetProperty("mean").GetDouble():F1} ±", row);
            Assert.Contains($"({cell.GetProperty("mad").GetProperty("mean").GetDouble():F3})", row);
        }
        foreach (var png in new[] { "accuracy-vs-depth.png", "mad-vs-depth.png" })
        {
            using var bitmap = SKBitmap.Decode(Path.Combine(outDir, png));
            Assert.Equal(800, bitmap.Width);
            Assert.Equal(500, bitmap.Height);
            Assert.True(Enumerable.Range(0, 50).Any(i => bitmap.GetPixel(16 * i, 10 * i) != bitmap.GetPixel(0, 0)), $"{png} is blank");
        }
    }
}
