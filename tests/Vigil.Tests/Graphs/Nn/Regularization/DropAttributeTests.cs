using TorchSharp;
using Vigil.Graphs.Nn;
using Vigil.Graphs.Nn.Regularization;
using static TorchSharp.torch;
using static Vigil.Tests.Graphs.Nn.NnTestGraphs;

namespace Vigil.Tests.Graphs.Nn.Regularization;

public class DropAttributeTests
{
    [Fact]
    public void IdentityInEvaluation()
    {
        var x = new FeatureInput(ones(5, 4));
        var drop = new DropAttribute(0.5, DropAttributeMode.Column);
        drop.eval();
        Assert.Same(x, drop.forward(x));
    }

    [Theory]
    [InlineData(DropAttributeMode.Element)]
    [InlineData(DropAttributeMode.Column)]
    [InlineData(DropAttributeMode.Row)]
    public void DenseDropsTheExpectedFractionAndRescales(DropAttributeMode mode)
    {
        using var scope = NewDisposeScope();
        var y = new DropAttribute(0.25, mode, new Generator(7)).forward(new FeatureInput(ones(400, 400))).Dense!;
        var kept = y.ne(0);
        Assert.InRange(kept.to(ScalarType.Float32).mean().item<float>(), 0.70, 0.80);
        var keptValues = y.masked_select(kept);
        Assert.Equal(4.0 / 3, keptValues.min().item<float>(), 5);
        Assert.Equal(4.0 / 3, keptValues.max().item<float>(), 5);
        if (mode == DropAttributeMode.Column) Assert.True(kept.all(0).eq(kept.any(0)).all().item<bool>(), "columns must drop whole");
        if (mode == DropAttributeMode.Row) Assert.True(kept.all(1).eq(kept.any(1)).all().item<bool>(), "rows must drop whole");
    }

    [Theory]
    [InlineData(DropAttributeMode.Element)]
    [InlineData(DropAttributeMode.Column)]
    [InlineData(DropAttributeMode.Row)]
    public void SparseInputStaysSparseAndMatchesTheDenseRule(DropAttributeMode mode)
    {
        using var scope = NewDisposeScope();
        var dense = Features(300, 200, 121).relu();
        var csr = Conv.GcnConvTests.SparseFeatures(dense);
        var y = new DropAttribute(0.4, mode, new Generator(8)).forward(new FeatureInput(csr));
        Assert.Same(csr, y.Sparse);
        var values = y.SparseValues!;
        var original = tensor(csr.Values!);
        var kept = values.ne(0);
        Assert.InRange(kept.to(ScalarType.Float32).mean().item<float>(), 0.55, 0.65);
        AssertClose(original.masked_select(kept) / 0.6, values.masked_select(kept), 1e-5);
        if (mode == DropAttributeMode.Element) return;
        // Whole columns (rows) vanish: an index either keeps all its entries or none.
        var index = mode == DropAttributeMode.Column ? csr.ColIdx : csr.RowIndices();
        var keptArray = kept.data<bool>().ToArray();
        foreach (var group in Enumerable.Range(0, csr.Nnz).GroupBy(e => index[e]))
            Assert.Single(group.Select(e => keptArray[e]).Distinct());
    }
}
