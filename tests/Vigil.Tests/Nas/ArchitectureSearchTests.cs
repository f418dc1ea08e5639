using TorchSharp;
using Vigil.Core.Metrics;
using Vigil.Graphs.Data;
using Vigil.Graphs.Nn.Models;
using Vigil.Graphs.Training;
using Vigil.Nas.Genotypes;
using Vigil.Nas.Loss;
using Vigil.Nas.Search;

namespace Vigil.Tests.Nas;

public class ArchitectureSearchTests
{
    private static SearchOptions Small(int epochs = 4, int seed = 3) => new()
    {
        Epochs = epochs,
        Seed = seed,
        Operations = ["gcn", "sage", "drop-column", "drop-element", "drop-edge"],
        Network = NasTestGraphs.TinyNetwork,
    };

    private static (List<SearchEpochStats> History, SearchResult Result) Search(Graph graph, SearchOptions options)
    {
        var history = new List<SearchEpochStats>();
        var result = ArchitectureSearch.Run(graph, options, new InlineSearchProgress(history.Add));
        return (history, result);
    }

    [Fact]
    public void ValidationAndTestLabelsNeverEnterTheSearchTrajectory()
    {
        // Default architecture nodes: a held-out half of the training nodes. Scrambling every validation and test
        // label must leave α after every epoch, and both losses, bit-for-bit identical; only the validation score
        // (used to pick the best epoch) may change.
        var graph = NasTestGraphs.Sbm(nodes: 210);
        var scrambled = NasTestGraphs.ScrambleOutside(graph, graph.TrainMask);
        var a = Search(graph, Small()).History;
        var b = Search(scrambled, Small()).History;
        Assert.Equal(a.Count, b.Count);
        for (int e = 0; e < a.Count; e++)
        {
            Assert.Equal(a[e].Alpha, b[e].Alpha);
            Assert.Equal(a[e].TrainLoss, b[e].TrainLoss);
            Assert.Equal(a[e].ArchitectureLoss, b[e].ArchitectureLoss);
        }
        Assert.Contains(Enumerable.Range(0, a.Count), e => a[e].ValidationMacroF1 != b[e].ValidationMacroF1);
        // α did move, so identical trajectories are not identical by standing still.
        Assert.NotEqual(a[0].Alpha, a[^1].Alpha);
    }

    [Fact]
    public void UnderValidationArchitectureNodesTestLabelsStillNeverEnter()
    {
        var graph = NasTestGraphs.Sbm(nodes: 210);
        var keep = graph.TrainMask.Zip(graph.ValMask, (t, v) => t || v).ToArray();
        var options = Small(epochs: 3) with { ArchitectureNodes = ArchitectureNodes.Validation };
        var a = Search(graph, options).History;
        var b = Search(NasTestGraphs.ScrambleOutside(graph, keep), options).History;
        for (int e = 0; e < a.Count; e++)
        {
            Assert.Equal(a[e].Alpha, b[e].Alpha);
            Assert.Equal(a[e].Score, b[e].Score);
        }
    }

    [Fact]
    public void TheSameSeedRepeatsTheSearchAndTheBestEpochIsKept()
    {
        var graph = NasTestGraphs.Sbm(nodes: 210);
        var options = Small(epochs: 5) with { Architect = new ArchitectOptions { Gradient = ArchitectureGradient.SecondOrder } };
        var (history, result) = Search(graph, options);
        var again = Search(graph, options).History;
        Assert.Equal(history.Select(h => h.Alpha), again.Select(h => h.Alpha));
        var other = Search(graph, options with { Seed = 4 }).History;
        Assert.NotEqual(history[^1].Alpha, other[^1].Alpha);

        int bestEpoch = history.MaxBy(h => h.Score)!.Epoch;   // first epoch with the highest score
        Assert.Equal(bestEpoch, result.BestEpoch);
        Assert.Equal(history[bestEpoch - 1].Genotype, result.BestGenotype);
        Assert.Equal(history[bestEpoch - 1].Score, result.BestScore);
        Assert.Equal(SelectionScore.HarmonicMean(result.BestValidationMad, result.BestValidationMacroF1), result.BestScore, 12);
        Assert.Equal(history[^1].Genotype, result.FinalGenotype);
        Assert.All(history, h => Assert.True(double.IsFinite(h.TrainLoss) && double.IsFinite(h.ArchitectureLoss)));
    }

    [Fact]
    public void ASearchedAndRetrainedNetworkBeatsAnMlp()
    {
        // Features separate the 4 classes only weakly; 80% of edges join same-class nodes. With GraTO's full
        // smoothness weight (1) so short a search favours the parameter-free candidates, which keep the stem's
        // spread between classes; a tenth of it lets the aggregations win.
        var graph = NasTestGraphs.Sbm(nodes: 300, classes: 4, seed: 5, trainPerClass: 15, valPerClass: 20, signal: 1.0);
        var result = ArchitectureSearch.Run(graph, new SearchOptions
        {
            Epochs = 10,
            Seed = 0,
            // One searched block: the cell is shared by all blocks, so the retrained network still stacks two.
            Network = new SuperNetOptions { Blocks = 1, Steps = 2, Hidden = 16 },
            Smoothness = new SmoothnessOptions { Weight = 0.1 },
        });
        var testIdx = Graph.MaskIndices(graph.TestMask);
        var trainer = new FullBatchTrainer(new TrainerOptions { Epochs = 60, Patience = 100, Seed = 0 });

        using var generator = new TorchSharp.torch.Generator(0);
        using var searched = new GenotypeNetwork(result.BestGenotype, graph.Features.Cols, graph.NumClasses, new GenotypeNetworkOptions { Hidden = 16 }, generator);
        double nas = ClassificationMetrics.Accuracy(graph.Labels, trainer.Fit(searched, graph).Predictions(), graph.NumClasses, testIdx);

        using var mlp = NodeModels.Create("mlp", graph.Features.Cols, graph.NumClasses);
        double baseline = ClassificationMetrics.Accuracy(graph.Labels, trainer.Fit(mlp, graph).Predictions(), graph.NumClasses, testIdx);
        Assert.True(nas > baseline + 0.05, $"searched network {nas:P1} vs MLP {baseline:P1}; genotype:\n{result.BestGenotype}");
    }
}
