using TorchSharp;
using Vigil.Core.Metrics;
using Vigil.Graphs.Data;
using Vigil.Graphs.Nn;
using Vigil.Nas.Genotypes;
using Vigil.Nas.Search;
using Vigil.Nas.Training;
using static TorchSharp.torch;

namespace Vigil.Tests.Nas;

[Collection(TorchGlobalRngCollection.Name)]
public class GenotypeTrainerTests
{
    private static readonly Genotype Cell = Genotype.FromJson("""
        {"combine":"mean","nodes":[[{"operation":"gcn","input":1},{"operation":"identity","input":0}],
                                   [{"operation":"gcnii","input":2},{"operation":"drop-edge","input":1}]]}
        """);

    private static GenotypeTrainingOptions Options(int epochs = 12) => new()
    {
        Network = new GenotypeNetworkOptions { Blocks = 2, Hidden = 8, InputDropout = 0.3, OutputDropout = 0.3 },
        Epochs = epochs,
        Patience = 100,
    };

    [Fact]
    public void TheRestoredNetworkIsTheBestScoringEpochAndItsReportMatchesAFreshEvaluation()
    {
        var graph = NasTestGraphs.Sbm(nodes: 240, seed: 1);
        var (network, result) = GenotypeTrainer.Fit(graph, Cell, seed: 4, Options());
        using (network)
        {
            var best = result.History.MaxBy(h => h.Score)!;   // first epoch with the highest score
            Assert.Equal(best.Epoch, result.BestEpoch);
            Assert.Equal(best.Score, result.ValidationScore);
            Assert.Equal(SelectionScore.HarmonicMean(best.ValidationMad, best.ValidationMacroF1), best.Score, 12);

            // Evaluating the returned network again gives the reported test accuracy and validation macro-F1.
            network.eval();
            using var features = FeatureInput.From(graph.Features);
            using var _ = no_grad();
            var predictions = network.Run(features, new MessageGraph(graph.Adjacency)).Logits.argmax(1).to(ScalarType.Int32).data<int>().ToArray();
            Assert.Equal(ClassificationMetrics.Accuracy(graph.Labels, predictions, graph.NumClasses, Graph.MaskIndices(graph.TestMask)), result.Test.Accuracy, 12);
            Assert.Equal(best.ValidationMacroF1, ClassificationMetrics.MacroF1(graph.Labels, predictions, graph.NumClasses, Graph.MaskIndices(graph.ValMask)), 12);
        }
    }

    [Fact]
    public void WithoutMadTheSelectedEpochIsTheOneWithTheBestValidationMacroF1()
    {
        var graph = NasTestGraphs.Sbm(nodes: 240, seed: 1);
        var (network, result) = GenotypeTrainer.Fit(graph, Cell, seed: 4, Options() with { SelectionRepresentation = SelectionRepresentation.None });
        using (network)
        {
            Assert.All(result.History, h => Assert.Equal(h.ValidationMacroF1, h.Score));
            Assert.All(result.History, h => Assert.True(double.IsNaN(h.ValidationMad)));
            double bestF1 = result.History.Max(h => h.ValidationMacroF1);
            var best = result.History.Single(h => h.Epoch == result.BestEpoch);
            Assert.Equal(bestF1, best.ValidationMacroF1);
            // Ties on macro-F1 go to the lower validation loss.
            Assert.Equal(result.History.Where(h => h.ValidationMacroF1 == bestF1).Min(h => h.ValidationLoss), best.ValidationLoss);
        }
    }

    [Fact]
    public void TheDenseWeightDecayAppliesToStemAndClassifierOnly()
    {
        var graph = NasTestGraphs.Sbm(nodes: 240, seed: 1);
        static double Norm(IEnumerable<TorchSharp.Modules.Parameter> ps) => ps.Sum(p => p.detach().pow(2).sum().item<float>());

        // The same decay in both groups trains exactly as one decay for all parameters.
        var (same, rSame) = GenotypeTrainer.Fit(graph, Cell, seed: 3, Options(epochs: 8) with { WeightDecay = 0.05, DenseWeightDecay = 0.05 });
        var (one, rOne) = GenotypeTrainer.Fit(graph, Cell, seed: 3, Options(epochs: 8) with { WeightDecay = 0.05 });
        same.Dispose(); one.Dispose();
        Assert.Equal(rOne.History.Select(h => h.TrainLoss), rSame.History.Select(h => h.TrainLoss));

        // A heavy decay on the dense group shrinks the stem and classifier; the cells keep theirs (decay 0).
        var options = Options(epochs: 30) with { WeightDecay = 0, SelectionRepresentation = SelectionRepresentation.None, Patience = 1000 };
        var (plain, _) = GenotypeTrainer.Fit(graph, Cell, seed: 3, options);
        var (split, _) = GenotypeTrainer.Fit(graph, Cell, seed: 3, options with { DenseWeightDecay = 1.0 });
        using (plain)
        using (split)
        {
            Assert.True(Norm(split.DenseParameters()) < 0.8 * Norm(plain.DenseParameters()),
                $"dense norm {Norm(split.DenseParameters()):F3} with decay 1 vs {Norm(plain.DenseParameters()):F3} without");
        }
        Assert.Throws<ArgumentException>(() => GenotypeTrainer.Fit(graph, Cell, seed: 3, Options(epochs: 1) with { DenseWeightDecay = -1 }));
    }

    [Fact]
    public void TestLabelsNeverEnterTheRetrainingAndTheSeedRepeatsIt()
    {
        var graph = NasTestGraphs.Sbm(nodes: 240, seed: 1);
        var keep = graph.TrainMask.Zip(graph.ValMask, (t, v) => t || v).ToArray();
        var scrambled = NasTestGraphs.ScrambleOutside(graph, keep);
        var (a, ra) = GenotypeTrainer.Fit(graph, Cell, seed: 2, Options(epochs: 6));
        var (b, rb) = GenotypeTrainer.Fit(scrambled, Cell, seed: 2, Options(epochs: 6));
        a.Dispose(); b.Dispose();
        Assert.Equal(ra.History.Select(h => h.TrainLoss), rb.History.Select(h => h.TrainLoss));
        Assert.Equal(ra.History.Select(h => h.Score), rb.History.Select(h => h.Score));
        Assert.Equal(ra.BestEpoch, rb.BestEpoch);
        Assert.NotEqual(ra.Test.Accuracy, rb.Test.Accuracy);
    }

    [Theory]
    [InlineData(5, 2)]
    [InlineData(33, 9)]
    public void AGenotypeFromJsonBuildsANetworkForAnyInputWidthAndClassCount(int features, int classes)
    {
        using var generator = new Generator(0);
        using var net = new GenotypeNetwork(Genotype.FromJson(Cell.ToJson()), features, classes, new GenotypeNetworkOptions { Blocks = 3, Hidden = 8 }, generator);
        var graph = NasTestGraphs.Sbm(nodes: 60, seed: 3);
        using var x = new FeatureInput(randn(60, features, generator: generator));
        var (logits, hidden) = net.Run(x, new MessageGraph(graph.Adjacency));
        Assert.Equal([60L, classes], logits.shape);
        Assert.Equal([60L, 8L], hidden.shape);
    }

    [Fact]
    public void TheFullBatchLimitNamesTheGraphTheEstimateAndTheLimit()
    {
        Assert.Equal(1000L * 64 * 10 * 2 * 4, FullBatchLimit.Estimate(1000, 64, 10));
        FullBatchLimit.Require("small", 1000, 64, 10, maxBytes: 5_120_000, "search");
        var e = Assert.Throws<ArgumentException>(() => FullBatchLimit.Require("big", 1000, 64, 10, maxBytes: 5_119_999, "search"));
        Assert.Contains("'big'", e.Message);
        Assert.Contains("1,000 nodes", e.Message);
    }

}
