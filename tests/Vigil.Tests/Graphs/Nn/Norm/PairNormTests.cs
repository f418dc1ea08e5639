using TorchSharp;
using Vigil.Graphs.Nn.Norm;
using static TorchSharp.torch;
using static Vigil.Tests.Graphs.Nn.NnTestGraphs;

namespace Vigil.Tests.Graphs.Nn.Norm;

public class PairNormTests
{
    [Fact]
    public void PnCentresColumnsAndFixesMeanSquaredRowNorm()
    {
        using var scope = NewDisposeScope();
        var x = Features(20, 6, 101) * 3 + 5;
        var y = new PairNorm(PairNormMode.PN, scale: 2).forward(x);
        AssertClose(zeros(1, 6), y.mean([0], keepdim: true), 1e-5);
        Assert.Equal(4.0, y.pow(2).sum(1).mean().item<float>(), 3);
    }

    [Fact]
    public void PnSiGivesEveryRowTheSameNorm()
    {
        using var scope = NewDisposeScope();
        var x = Features(20, 6, 102) * 3 + 1;
        var y = new PairNorm(PairNormMode.PNSI, scale: 1.5).forward(x);
        AssertClose(full(20, 1.5f), y.norm(1), 1e-4);
        var centred = x - x.mean([0], keepdim: true);
        AssertClose(centred * 1.5 / centred.norm(1, keepdim: true), y, 1e-4);
    }

    [Fact]
    public void PnScsScalesRowsThenShiftsByInputColumnMean()
    {
        using var scope = NewDisposeScope();
        var x = Features(12, 5, 103) + 2;
        var y = new PairNorm(PairNormMode.PNSCS, scale: 1).forward(x);
        var expected = x / x.norm(1, keepdim: true) - x.mean([0], keepdim: true);
        AssertClose(expected, y, 1e-4);
    }

    [Fact]
    public void SameResultInTrainingAndEvaluation()
    {
        using var scope = NewDisposeScope();
        var x = Features(10, 4, 104);
        var pn = new PairNorm();
        var trained = pn.forward(x);
        pn.eval();
        AssertClose(trained, pn.forward(x), 0);
    }
}
