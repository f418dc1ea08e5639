using TorchSharp;
using Vigil.Graphs.Nn;
using Vigil.Graphs.Nn.Conv;
using static TorchSharp.torch;
using static Vigil.Tests.Graphs.Nn.NnTestGraphs;

namespace Vigil.Tests.Graphs.Nn.Conv;

public class AgnnConvTests
{
    [Theory]
    [InlineData(9, 9, true)]
    [InlineData(4, 12, false)]
    public void EqualsDenseCosineAttention(int targets, int sources, bool learnable)
    {
        using var scope = NewDisposeScope();
        var a = Random(targets, sources, 0.3, seed: 61);
        var conv = new AgnnConv(learnable, initialBeta: 1.7);
        var x = Features(sources, 5, 62);
        var unit = x / x.norm(1, keepdim: true);
        var cos = unit.narrow(0, 0, targets).matmul(unit.t());
        var p = MaskedSoftmax(cos * 1.7, DenseWithSelfLoops(a));
        AssertClose(p.matmul(x), conv.forward(x, new MessageGraph(a)));
    }

    [Fact]
    public void OnlyTheLearnableTemperatureIsAParameter()
    {
        Assert.Single(new AgnnConv(learnableBeta: true).parameters());
        Assert.Empty(new AgnnConv(learnableBeta: false).parameters());
    }
}
