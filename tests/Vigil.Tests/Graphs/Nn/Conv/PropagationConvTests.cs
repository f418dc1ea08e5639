using TorchSharp;
using Vigil.Graphs.Nn;
using Vigil.Graphs.Nn.Conv;
using static TorchSharp.torch;
using static Vigil.Tests.Graphs.Nn.NnTestGraphs;

namespace Vigil.Tests.Graphs.Nn.Conv;

/// <summary>The K-step propagation layers (SGC, APPNP) and GCNII against dense powers of Â.</summary>
public class PropagationConvTests
{
    [Fact]
    public void SgcEqualsDenseKthPower()
    {
        using var scope = NewDisposeScope();
        var a = Random(10, 10, 0.3, seed: 41);
        var conv = new SgcConv(5, 3, k: 3);
        Randomize(conv, 42);
        var x = Features(10, 5, 43);
        var s = DenseGcn(a);
        var expected = s.matmul(s).matmul(s).matmul(x).matmul(Parameter(conv, "lin.weight")) + Parameter(conv, "bias");
        AssertClose(expected, conv.forward(x, new MessageGraph(a)));
    }

    [Fact]
    public void SgcRejectsRepeatedStepsOnABlock()
    {
        var conv = new SgcConv(3, 2, k: 2);
        var ex = Assert.Throws<ArgumentException>(() => conv.forward(zeros(9, 3), new MessageGraph(Random(4, 9, 0.3, seed: 44))));
        Assert.Contains("square", ex.Message);
    }

    [Fact]
    public void AppnpEqualsDensePowerIteration()
    {
        using var scope = NewDisposeScope();
        var a = Random(10, 10, 0.3, seed: 45);
        var prop = new AppnpPropagation(k: 5, alpha: 0.2);
        var h = Features(10, 4, 46);
        var s = DenseGcn(a);
        var z = h;
        for (int k = 0; k < 5; k++) z = s.matmul(z) * 0.8 + h * 0.2;
        AssertClose(z, prop.forward(h, new MessageGraph(a)));
    }

    [Fact]
    public void AppnpEdgeDropoutActsOnlyInTraining()
    {
        using var scope = NewDisposeScope();
        var g = new MessageGraph(Random(10, 10, 0.4, seed: 47));
        var prop = new AppnpPropagation(k: 3, alpha: 0.1, edgeDropout: 0.5);
        var h = Features(10, 4, 48);
        prop.eval();
        var clean = prop.forward(h, g);
        AssertClose(clean, prop.forward(h, g), 0);
        prop.train();
        Assert.True((prop.forward(h, g) - clean).abs().max().item<float>() > 1e-3);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void Gcn2EqualsInitialResidualAndIdentityMapping(int layer)
    {
        using var scope = NewDisposeScope();
        var a = Random(10, 10, 0.3, seed: 49);
        var conv = new Gcn2Conv(4, alpha: 0.1, lambda: 0.5, layer: layer);
        Randomize(conv, 50);
        var x = Features(10, 4, 51);
        var x0 = Features(10, 4, 52);
        double beta = Math.Log(0.5 / layer + 1);
        Assert.Equal(beta, conv.Beta, 12);
        var hSupport = DenseGcn(a).matmul(x) * 0.9 + x0 * 0.1;
        var expected = hSupport * (1 - beta) + hSupport.matmul(Parameter(conv, "weight")) * beta;
        AssertClose(expected, conv.forward(x, x0, new MessageGraph(a)));
    }
}
