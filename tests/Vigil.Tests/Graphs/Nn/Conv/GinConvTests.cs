using TorchSharp;
using Vigil.Graphs.Nn;
using Vigil.Graphs.Nn.Conv;
using static TorchSharp.torch;
using static Vigil.Tests.Graphs.Nn.NnTestGraphs;

namespace Vigil.Tests.Graphs.Nn.Conv;

public class GinConvTests
{
    [Theory]
    [InlineData(9, 9)]
    [InlineData(4, 12)]
    public void EqualsMlpOfEpsilonWeightedSum(int targets, int sources)
    {
        using var scope = NewDisposeScope();
        var a = Random(targets, sources, 0.3, seed: 31);
        var conv = new GinConv(5, 7, 3, batchNorm: false);
        Randomize(conv, 32);
        var x = Features(sources, 5, 33);
        var eps = Parameter(conv, "eps");
        var summed = x.narrow(0, 0, targets) * (eps + 1) + Dense(a).matmul(x);
        var hidden = nn.functional.relu(summed.matmul(Parameter(conv, "lin1.weight")) + Parameter(conv, "bias1"));
        var expected = hidden.matmul(Parameter(conv, "lin2.weight")) + Parameter(conv, "lin2.bias");
        AssertClose(expected, conv.forward(x, new MessageGraph(a)));
    }

    [Fact]
    public void EpsilonIsLearned()
    {
        var conv = new GinConv(3, 4, 2);
        Assert.True(conv.Epsilon.requires_grad);
        var frozen = new GinConv(3, 4, 2, trainEpsilon: false);
        Assert.False(frozen.Epsilon.requires_grad);
    }
}
