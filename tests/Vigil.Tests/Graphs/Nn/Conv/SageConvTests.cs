using TorchSharp;
using Vigil.Core.Sparse;
using Vigil.Graphs.Nn;
using Vigil.Graphs.Nn.Conv;
using static TorchSharp.torch;
using static Vigil.Tests.Graphs.Nn.NnTestGraphs;

namespace Vigil.Tests.Graphs.Nn.Conv;

public class SageConvTests
{
    [Theory]
    [InlineData(9, 9)]
    [InlineData(4, 12)]
    public void MeanEqualsDenseReference(int targets, int sources)
    {
        using var scope = NewDisposeScope();
        var a = Random(targets, sources, 0.3, seed: 21);
        var conv = new SageConv(5, 3);
        Randomize(conv, 22);
        var x = Features(sources, 5, 23);
        var w = Parameter(conv, "lin.weight");   // [W_l | W_r]
        var expected = DenseMean(a).matmul(x).matmul(w.narrow(1, 0, 3))
                     + x.narrow(0, 0, targets).matmul(w.narrow(1, 3, 3)) + Parameter(conv, "bias");
        AssertClose(expected, conv.forward(x, new MessageGraph(a)));
    }

    [Theory]
    [InlineData(9, 9)]
    [InlineData(4, 12)]
    public void MaxPoolingEqualsDenseReference(int targets, int sources)
    {
        using var scope = NewDisposeScope();
        var a = Random(targets, sources, 0.3, seed: 24);
        var conv = new SageConv(5, 3, SageAggregator.Max, poolFeatures: 6);
        Randomize(conv, 25);
        var x = Features(sources, 5, 26);
        var w = Parameter(conv, "lin.weight");   // [W_pool | W_r]
        var pooled = nn.functional.relu(x.matmul(w.narrow(1, 0, 6)) + Parameter(conv, "poolBias"));  // [Ns, 6]
        var mask = Dense(a);
        var agg = zeros(targets, 6);
        for (int i = 0; i < targets; i++)
        {
            var nbrs = mask[i].nonzero().squeeze(1);
            if (nbrs.shape[0] > 0) agg[i] = pooled.index_select(0, nbrs).amax([0]);
        }
        var expected = agg.matmul(Parameter(conv, "poolOut.weight"))
                     + x.narrow(0, 0, targets).matmul(w.narrow(1, 6, 3)) + Parameter(conv, "bias");
        AssertClose(expected, conv.forward(x, new MessageGraph(a)));
    }

    [Fact]
    public void NormalizeGivesUnitRows()
    {
        using var scope = NewDisposeScope();
        var conv = new SageConv(4, 3, normalize: true);
        Randomize(conv, 27);
        var y = conv.forward(Features(8, 4, 28), new MessageGraph(Random(8, 8, 0.3, seed: 29)));
        AssertClose(ones(8), y.norm(1), 1e-5);
    }
}
