using TorchSharp;
using Vigil.Graphs.Nn;
using Vigil.Nas.Cells;
using Vigil.Nas.Genotypes;
using Vigil.Nas.Search;
using static TorchSharp.torch;

namespace Vigil.Tests.Nas;

public class SuperNetTests
{
    [Fact]
    public void ArchitectureAndWeightParametersPartitionTheParameters()
    {
        var graph = NasTestGraphs.Sbm(nodes: 60);
        using var generator = new Generator(0);
        using var net = NasTestGraphs.Network(graph, generator);
        var alpha = net.ArchitectureParameters().Single();
        Assert.Equal(new long[] { CellTopology.EdgeCount(2), NasTestGraphs.SmallSpace.Length }, alpha.shape);
        var weights = net.WeightParameters().ToList();
        Assert.DoesNotContain(weights, p => ReferenceEquals(p, alpha));
        Assert.Equal(net.parameters().Count(), weights.Count + 1);
    }

    [Fact]
    public void ItScoresEveryNodeAndDerivesTheGenotypeOfItsWeights()
    {
        var graph = NasTestGraphs.Sbm(nodes: 60);
        using var generator = new Generator(0);
        using var net = NasTestGraphs.Network(graph, generator);
        NasTestGraphs.RandomizeAlpha(net, 1.0, seed: 2);
        using var x = FeatureInput.From(graph.Features);
        var (logits, representation) = net.Run(x, new MessageGraph(graph.Adjacency));
        Assert.Equal(new long[] { 60, graph.NumClasses }, logits.shape);
        Assert.Equal(new long[] { 60, NasTestGraphs.TinyNetwork.Hidden }, representation.shape);
        var expected = Genotype.Derive(NasTestGraphs.Values(softmax(net.Alpha, -1)), NasTestGraphs.SmallSpace, steps: 2);
        Assert.Equal(expected, net.DeriveGenotype());
    }

    [Fact]
    public void TheSameGeneratorSeedBuildsTheSameNetwork()
    {
        var graph = NasTestGraphs.Sbm(nodes: 60);
        float[] Flat(int seed)
        {
            using var generator = new Generator((ulong)seed);
            using var net = NasTestGraphs.Network(graph, generator);
            return net.parameters().SelectMany(NasTestGraphs.Values).ToArray();
        }
        // Nothing may come from torch's global generator, which moves on between the two constructions.
        var a = Flat(5);
        Assert.Equal(a, Flat(5));
        Assert.NotEqual(a, Flat(6));
    }

    [Fact]
    public void ASampledBlockIsRejected()
    {
        var graph = NasTestGraphs.Sbm(nodes: 60);
        using var generator = new Generator(0);
        using var net = NasTestGraphs.Network(graph, generator);
        using var x = FeatureInput.From(graph.Features);
        var block = new MessageGraph(Vigil.Core.Sparse.CsrMatrix.FromCoo(10, 60, [0], [5]));
        var e = Assert.Throws<ArgumentException>(() => net.forward(x, [block]));
        Assert.Contains("full-batch", e.Message);
    }
}
