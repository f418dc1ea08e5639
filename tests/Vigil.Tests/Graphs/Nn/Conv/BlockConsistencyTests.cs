using TorchSharp;
using Vigil.Core.Sparse;
using Vigil.Graphs.Nn;
using Vigil.Graphs.Nn.Conv;
using static TorchSharp.torch;
using static Vigil.Tests.Graphs.Nn.NnTestGraphs;

namespace Vigil.Tests.Graphs.Nn.Conv;

/// <summary>
/// A layer run on a sampled block that holds all of its targets' in-edges must give exactly those targets' rows of
/// the full-graph output. (GCN-normalised layers are excluded by design: their source degrees are counted inside
/// the block, as DGL's block GCN does; their block arithmetic is checked against dense references instead.)
/// </summary>
public class BlockConsistencyTests
{
    private const int Nodes = 14, Targets = 5;

    public static TheoryData<string> Layers => new() { "gat", "sage", "sage-max", "gin", "agnn", "rgcn" };

    private static nn.Module<Tensor, MessageGraph, Tensor> Build(string name) => name switch
    {
        "gat" => new GatConv(4, 3, heads: 2),
        "sage" => new SageConv(4, 3),
        "sage-max" => new SageConv(4, 3, SageAggregator.Max),
        "gin" => new GinConv(4, 5, 3, batchNorm: false),
        "agnn" => new AgnnConv(),
        _ => new RgcnConv(4, 3, numRelations: 2),
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public void BlockOutputEqualsFullOutputOfItsTargets(string name)
    {
        using var scope = NewDisposeScope();
        var layer = Build(name);
        Randomize(layer, 91);
        var x = Features(Nodes, 4, 92);
        var full = name == "rgcn"
            ? new[] { Random(Nodes, Nodes, 0.2, seed: 93), Random(Nodes, Nodes, 0.15, seed: 94) }
            : new[] { Random(Nodes, Nodes, 0.25, seed: 95) };
        var (blocks, sources) = Block(full, Targets);
        Assert.True(sources.Length > Targets, "the block should be bipartite");
        var fullGraph = full.Length == 1 ? new MessageGraph(full[0]) : MessageGraph.FromRelations(full);
        var blockGraph = blocks.Length == 1 ? new MessageGraph(blocks[0]) : MessageGraph.FromRelations(blocks);

        var expected = layer.forward(x, fullGraph).narrow(0, 0, Targets);
        var actual = layer.forward(x.index_select(0, tensor(sources)), blockGraph);
        AssertClose(expected, actual, 1e-5);
    }
}
