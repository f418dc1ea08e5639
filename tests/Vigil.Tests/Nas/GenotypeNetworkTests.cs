using TorchSharp;
using Vigil.Graphs.Data;
using Vigil.Graphs.Nn;
using Vigil.Graphs.Training;
using Vigil.Nas.Cells;
using Vigil.Nas.Genotypes;
using Vigil.Nas.Operations;
using static TorchSharp.torch;

namespace Vigil.Tests.Nas;

public class GenotypeNetworkTests
{
    private static Genotype Mixed(CellCombine combine = CellCombine.Mean) => new(
    [
        [new GenotypeEdge("gcn", 1), new GenotypeEdge("gcnii", 0)],
        [new GenotypeEdge("gat", 2), new GenotypeEdge("drop-edge", 1)],
        [new GenotypeEdge("sage", 3), new GenotypeEdge("drop-column", 2)],
    ], combine);

    [Theory]
    [InlineData(CellCombine.Mean)]
    [InlineData(CellCombine.ConcatLinear)]
    public void ForwardAndBackwardReachEveryParameter(CellCombine combine)
    {
        var graph = NasTestGraphs.Sbm(nodes: 150);
        using var generator = new Generator(0);
        using var net = new GenotypeNetwork(Mixed(combine), graph.Features.Cols, graph.NumClasses, new GenotypeNetworkOptions { Blocks = 3, Hidden = 8 }, generator);
        using var x = FeatureInput.From(graph.Features);
        net.train();
        var logits = net.forward(x, [new MessageGraph(graph.Adjacency)]);
        Assert.Equal(new long[] { graph.NumNodes, graph.NumClasses }, logits.shape);
        logits.pow(2).mean().backward();
        foreach (var (name, p) in net.named_parameters())
        {
            Assert.True(p.grad is not null, $"{name} got no gradient");
            Assert.True(p.grad!.isfinite().all().item<bool>(), $"{name} has a non-finite gradient");
        }
        Assert.Contains(net.named_parameters(), np => np.parameter.grad!.abs().sum().item<float>() > 0);
        Assert.Equal(3, net.MessagePassingDepth);
    }

    [Theory]
    [InlineData(NodeReduction.Sum, 1.0)]
    [InlineData(NodeReduction.Mean, 0.5)]
    public void AnIntermediateNodeSumsOrAveragesItsEdges(NodeReduction reduction, double share)
    {
        var graph = NasTestGraphs.Sbm(nodes: 60);
        var genotype = new Genotype([[new GenotypeEdge("identity", 0), new GenotypeEdge("identity", 1)]]);
        using var cell = new GenotypeCell(genotype, new OperationContext(4, 0, new OperationOptions(), null), reduction);
        using var generator = new Generator(1);
        var residual = randn([graph.NumNodes, 4], generator: generator);
        var previous = randn([graph.NumNodes, 4], generator: generator);
        var messages = new MessageGraph(graph.Adjacency);
        cell.eval();
        var output = cell.Forward(new CellState(residual, messages), new CellState(previous, messages), residual);
        Assert.True(output.Features.allclose((residual + previous) * share), $"{reduction} did not give {share} × the edges' sum");
    }

    [Fact]
    public void TheMeanKeepsTheScaleOfADeepWeightFreeStackWithoutPairNorm()
    {
        // Two PageRank propagations per node, neither with weights nor growing the scale: summed, the scale doubles
        // at every block; averaged, it stays.
        var graph = NasTestGraphs.Sbm(nodes: 120);
        var genotype = new Genotype([[new GenotypeEdge("appnp", 0), new GenotypeEdge("appnp", 1)]]);
        double OutputNorm(NodeReduction reduction)
        {
            using var generator = new Generator(0);
            var options = new GenotypeNetworkOptions { Blocks = 12, Hidden = 8, NodeReduction = reduction, Operations = new OperationOptions { PairNorm = null } };
            using var net = new GenotypeNetwork(genotype, graph.Features.Cols, graph.NumClasses, options, generator);
            using var x = FeatureInput.From(graph.Features);
            net.eval();
            using var _ = no_grad();
            var (_, hidden) = net.Run(x, new MessageGraph(graph.Adjacency));
            using var oneGenerator = new Generator(0);
            using var one = new GenotypeNetwork(genotype, graph.Features.Cols, graph.NumClasses, options with { Blocks = 1 }, oneGenerator);
            one.eval();
            var (_, first) = one.Run(x, new MessageGraph(graph.Adjacency));
            return hidden.norm().item<float>() / first.norm().item<float>();
        }
        double summed = OutputNorm(NodeReduction.Sum), averaged = OutputNorm(NodeReduction.Mean);
        Assert.True(summed > 100, $"summed: the 12-block output is only {summed:F1}× the 1-block one");
        Assert.InRange(averaged, 0.2, 2.0);
    }

    [Fact]
    public void TheWeightDecayGroupsSplitEveryParameterIntoCellsAndStemWithClassifier()
    {
        var graph = NasTestGraphs.Sbm(nodes: 60);
        using var generator = new Generator(0);
        using var net = new GenotypeNetwork(Mixed(), graph.Features.Cols, graph.NumClasses, new GenotypeNetworkOptions { Blocks = 2, Hidden = 8 }, generator);
        // Compared by native handle: the managed wrappers of one parameter may differ between enumerations.
        var cells = net.ConvolutionParameters().Select(p => p.Handle).ToHashSet();
        var dense = net.DenseParameters().ToList();
        var denseHandles = dense.Select(p => p.Handle).ToHashSet();
        var all = net.parameters().Select(p => p.Handle).ToList();
        Assert.Equal(4, dense.Count);   // stem and classifier: weight and bias each
        Assert.Equal(all.Count, cells.Count + dense.Count);
        Assert.All(all, h => Assert.True(cells.Contains(h) ^ denseHandles.Contains(h)));
        Assert.Equal(graph.Features.Cols * 8 + 8 + 8 * graph.NumClasses + graph.NumClasses, dense.Sum(p => p.numel()));
    }

    [Fact]
    public void TheFullBatchTrainerRetrainsIt()
    {
        var graph = NasTestGraphs.Sbm(nodes: 150);
        using var generator = new Generator(0);
        using var net = new GenotypeNetwork(Mixed(), graph.Features.Cols, graph.NumClasses, new GenotypeNetworkOptions { Hidden = 8 }, generator);
        var outcome = new FullBatchTrainer(new TrainerOptions { Epochs = 20, Patience = 1000 }).Fit(net, graph);
        Assert.True(outcome.History[^1].TrainLoss < outcome.History[0].TrainLoss * 0.8,
            $"training loss went from {outcome.History[0].TrainLoss:F3} to {outcome.History[^1].TrainLoss:F3}");
    }

    [Fact]
    public void DropEdgeThinsTheGraphOfEveryLaterOperationInTheCell()
    {
        var graph = NasTestGraphs.Sbm(nodes: 150);
        // Node 2 drops edges of state 1; node 3 reads node 2 and the untouched state 0.
        var genotype = new Genotype(
        [
            [new GenotypeEdge("drop-edge", 1), new GenotypeEdge("identity", 0)],
            [new GenotypeEdge("gcn", 2), new GenotypeEdge("identity", 0)],
        ]);
        using var cell = new GenotypeCell(genotype, new OperationContext(4, 0, new OperationOptions { DropEdgeRate = 0.5, Dropout = 0 }, new Generator(0)));
        var full = new MessageGraph(graph.Adjacency);
        var x = randn(graph.NumNodes, 4, generator: new Generator(1));
        var input = new CellState(x, full);

        cell.train();
        var output = cell.Forward(input, input, x);
        Assert.InRange(output.Graph.Adjacency.Nnz, full.Adjacency.Nnz / 4, full.Adjacency.Nnz * 3 / 4);
        var kept = Entries(output.Graph.Adjacency);
        Assert.True(kept.IsSubsetOf(Entries(full.Adjacency)));

        cell.eval();
        Assert.Same(full, cell.Forward(input, input, x).Graph);
    }

    [Fact]
    public void AnUnknownOperationIsNamedWithItsNode()
    {
        var genotype = new Genotype([[new GenotypeEdge("gcn", 0)], [new GenotypeEdge("convolve", 2)]]);
        var e = Assert.Throws<ArgumentException>(() => new GenotypeNetwork(genotype, 4, 2));
        Assert.Contains("'convolve'", e.Message);
        Assert.Contains("genotype node 1", e.Message);
    }

    private static HashSet<(int, int)> Entries(Vigil.Core.Sparse.CsrMatrix a)
    {
        var rows = a.RowIndices();
        return Enumerable.Range(0, a.Nnz).Select(e => (rows[e], a.ColIdx[e])).ToHashSet();
    }
}
