using TorchSharp;
using Vigil.Core.Sparse;
using Vigil.Graphs.Nn;
using Vigil.Graphs.Nn.Conv;
using static TorchSharp.torch;
using static Vigil.Tests.Graphs.Nn.NnTestGraphs;

namespace Vigil.Tests.Graphs.Nn.Conv;

public class RgcnConvTests
{
    private static Tensor DenseRgcn(CsrMatrix[] relations, Tensor x, Tensor[] weights, Tensor root, Tensor bias)
    {
        int nt = relations[0].Rows;
        var y = x.narrow(0, 0, nt).matmul(root) + bias;
        for (int r = 0; r < relations.Length; r++) y = y + DenseMean(relations[r]).matmul(x).matmul(weights[r]);
        return y;
    }

    [Theory]
    [InlineData(9, 9)]
    [InlineData(4, 12)]
    public void FreeWeightsEqualPerRelationMeanAggregation(int targets, int sources)
    {
        using var scope = NewDisposeScope();
        var rels = new[] { Random(targets, sources, 0.25, seed: 71), Random(targets, sources, 0.25, seed: 72), Random(targets, sources, 0.2, seed: 73) };
        var conv = new RgcnConv(5, 3, numRelations: 3);
        Randomize(conv, 74);
        var x = Features(sources, 5, 75);
        var w = Parameter(conv, "weight");
        var expected = DenseRgcn(rels, x, [w[0], w[1], w[2]], Parameter(conv, "root"), Parameter(conv, "bias"));
        AssertClose(expected, conv.forward(x, MessageGraph.FromRelations(rels)));
        AssertClose(expected, conv.forward(x, rels.Select(r => new MessageGraph(r)).ToArray()));
    }

    [Fact]
    public void BasisDecompositionCombinesSharedBases()
    {
        using var scope = NewDisposeScope();
        var rels = new[] { Random(8, 8, 0.3, seed: 76), Random(8, 8, 0.3, seed: 77) };
        var conv = new RgcnConv(4, 3, numRelations: 2, numBases: 2);
        Randomize(conv, 78);
        var x = Features(8, 4, 79);
        var v = Parameter(conv, "bases");          // [B, in, out]
        var c = Parameter(conv, "coefficients");   // [R, B]
        var w = new[] { v[0] * c[0, 0] + v[1] * c[0, 1], v[0] * c[1, 0] + v[1] * c[1, 1] };
        var expected = DenseRgcn(rels, x, w, Parameter(conv, "root"), Parameter(conv, "bias"));
        AssertClose(expected, conv.forward(x, MessageGraph.FromRelations(rels)));
    }

    [Fact]
    public void PlainGraphIsOneRelationAndMismatchIsRejected()
    {
        using var scope = NewDisposeScope();
        var a = Random(6, 6, 0.4, seed: 80);
        var one = new RgcnConv(3, 2, numRelations: 1);
        Randomize(one, 81);
        var x = Features(6, 3, 82);
        var expected = DenseRgcn([a], x, [Parameter(one, "weight")[0]], Parameter(one, "root"), Parameter(one, "bias"));
        AssertClose(expected, one.forward(x, new MessageGraph(a)));
        var two = new RgcnConv(3, 2, numRelations: 2);
        var ex = Assert.Throws<ArgumentException>(() => two.forward(x, new MessageGraph(a)));
        Assert.Contains("2 relations", ex.Message);
    }
}
