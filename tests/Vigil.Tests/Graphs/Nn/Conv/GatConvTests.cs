using TorchSharp;
using Vigil.Core.Sparse;
using Vigil.Graphs.Nn;
using Vigil.Graphs.Nn.Conv;
using static TorchSharp.torch;
using static Vigil.Tests.Graphs.Nn.NnTestGraphs;

namespace Vigil.Tests.Graphs.Nn.Conv;

public class GatConvTests
{
    /// <summary>Dense GAT: per head, masked softmax of LeakyReLU(a_dst·z_i + a_src·z_j) over A + I.</summary>
    private static Tensor DenseGat(GatConv conv, CsrMatrix a, Tensor x)
    {
        int h = conv.Heads, f = conv.HeadFeatures, nt = a.Rows;
        var z = x.matmul(Parameter(conv, "lin.weight")).view(-1, h, f);
        var src = (z * Parameter(conv, "attSrc")).sum(-1);                   // [Ns, H]
        var dst = (z.narrow(0, 0, nt) * Parameter(conv, "attDst")).sum(-1);  // [Nt, H]
        var mask = DenseWithSelfLoops(a);
        var heads = new List<Tensor>();
        for (int k = 0; k < h; k++)
        {
            var e = nn.functional.leaky_relu(dst[.., k].unsqueeze(1) + src[.., k].unsqueeze(0), 0.2);
            heads.Add(MaskedSoftmax(e, mask).matmul(z[.., k, ..]));
        }
        var y = conv.Concat ? cat(heads, 1) : stack(heads, 0).mean([0]);
        return y + Parameter(conv, "bias");
    }

    [Theory]
    [InlineData(10, 10, 3, true)]
    [InlineData(10, 10, 2, false)]
    [InlineData(4, 12, 3, true)]
    [InlineData(4, 12, 1, false)]
    public void EqualsDenseMultiHeadAttention(int targets, int sources, int heads, bool concat)
    {
        using var scope = NewDisposeScope();
        var a = Random(targets, sources, 0.3, seed: 11);
        var conv = new GatConv(5, 4, heads, concat);
        Randomize(conv, 12);
        var x = Features(sources, 5, 13);
        AssertClose(DenseGat(conv, a, x), conv.forward(x, new MessageGraph(a)));
    }

    [Fact]
    public void AttentionOfEveryDestinationSumsToOnePerHead()
    {
        using var scope = NewDisposeScope();
        var a = Random(7, 15, 0.25, seed: 14);
        var g = new MessageGraph(a);
        var conv = new GatConv(6, 3, heads: 4);
        Randomize(conv, 15);
        var alpha = conv.AttentionWeights(Features(15, 6, 16), g);
        Assert.Equal(new long[] { g.WithSelfLoops.Nnz, 4 }, alpha.shape);
        var rows = tensor(g.WithSelfLoops.RowIndices().Select(r => (long)r).ToArray());
        var sums = zeros(7, 4).index_add(0, rows, alpha, 1);
        AssertClose(ones(7, 4), sums, 1e-5);
        Assert.True(alpha.min().item<float>() > 0);
    }

    [Fact]
    public void AttentionDropoutActsOnlyInTraining()
    {
        using var scope = NewDisposeScope();
        var a = Random(10, 10, 0.4, seed: 17);
        var g = new MessageGraph(a);
        var conv = new GatConv(4, 4, heads: 2, attentionDropout: 0.5);
        Randomize(conv, 18);
        var x = Features(10, 4, 19);
        conv.eval();
        AssertClose(DenseGat(conv, a, x), conv.forward(x, g));
        conv.train();
        Assert.True((conv.forward(x, g) - DenseGat(conv, a, x)).abs().max().item<float>() > 1e-3);
    }
}
