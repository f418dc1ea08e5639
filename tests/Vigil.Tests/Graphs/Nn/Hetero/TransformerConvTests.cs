using TorchSharp;
using Vigil.Graphs.Nn;
using Vigil.Graphs.Nn.Conv;
using static TorchSharp.torch;

namespace Vigil.Tests.Graphs.Nn.Hetero;

[Collection(TorchGlobalRngCollection.Name)]
public class TransformerConvTests
{
    [Theory]
    [InlineData(1, true)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void MatchesADenseMaskedSoftmaxReference(int heads, bool concat)
    {
        manual_seed(3);
        const int n = 14, inF = 6, headF = 5;
        var a = NnTestGraphs.Random(n, n, 0.3, seed: heads);
        using var conv = new TransformerConv(inF, headF, heads, concat);
        conv.eval();
        var x = randn(n, inF);
        var p = conv.named_parameters().ToDictionary(t => t.name, t => (Tensor)t.parameter);
        var q = x.matmul(p["query.weight"]) + p["query.bias"];
        var k = x.matmul(p["key.weight"]) + p["key.bias"];
        var v = x.matmul(p["value.weight"]) + p["value.bias"];
        var mask = NnTestGraphs.Dense(a);
        var perHead = new List<Tensor>();
        for (int h = 0; h < heads; h++)
        {
            var qh = q.narrow(1, h * headF, headF);
            var kh = k.narrow(1, h * headF, headF);
            var vh = v.narrow(1, h * headF, headF);
            var attention = NnTestGraphs.MaskedSoftmax(qh.matmul(kh.t()) / Math.Sqrt(headF), mask);
            perHead.Add(attention.matmul(vh));
        }
        var aggregated = concat ? cat(perHead, 1) : stack(perHead).mean([0]);
        var expected = aggregated + x.matmul(p["skip.weight"]) + p["skip.bias"];
        var actual = conv.forward(x, new MessageGraph(a));
        Assert.Equal(expected.shape, actual.shape);
        Assert.True(actual.allclose(expected, rtol: 1e-4, atol: 1e-5), "TransformerConv differs from the dense reference");
    }

    [Fact]
    public void ATargetWithoutInEdgesKeepsOnlyItsSkipTerm()
    {
        manual_seed(4);
        var a = Vigil.Core.Sparse.CsrMatrix.FromCoo(3, 3, [0, 0], [1, 2]);
        using var conv = new TransformerConv(4, 4, heads: 2, concat: false);
        conv.eval();
        var x = randn(3, 4);
        var p = conv.named_parameters().ToDictionary(t => t.name, t => (Tensor)t.parameter);
        var skip = x.matmul(p["skip.weight"]) + p["skip.bias"];
        var y = conv.forward(x, new MessageGraph(a));
        Assert.True(y.narrow(0, 1, 2).allclose(skip.narrow(0, 1, 2), rtol: 1e-5, atol: 1e-6));
    }
}
