using TorchSharp;
using Vigil.Core.Sparse;
using Vigil.Graphs.Nn;
using Vigil.Graphs.Nn.Conv;
using static TorchSharp.torch;
using static Vigil.Tests.Graphs.Nn.NnTestGraphs;

namespace Vigil.Tests.Graphs.Nn.Conv;

public class GcnConvTests
{
    [Theory]
    [InlineData(9, 9)]   // full batch
    [InlineData(4, 11)]  // bipartite block: degrees counted inside the block
    public void EqualsDenseNormalisedPropagation(int targets, int sources)
    {
        using var scope = NewDisposeScope();
        var a = Random(targets, sources, 0.3, seed: 1);
        var conv = new GcnConv(5, 3);
        Randomize(conv, 2);
        var x = Features(sources, 5, 3);
        var expected = DenseGcn(a).matmul(x.matmul(Parameter(conv, "lin.weight"))) + Parameter(conv, "bias");
        AssertClose(expected, conv.forward(x, new MessageGraph(a)));
    }

    [Fact]
    public void SparseFeatureInputEqualsDense()
    {
        using var scope = NewDisposeScope();
        var a = Random(8, 8, 0.3, seed: 4);
        var conv = new GcnConv(6, 2);
        Randomize(conv, 5);
        var x = Features(8, 6, 6).relu();   // about half the entries zero
        var csr = SparseFeatures(x);
        var g = new MessageGraph(a);
        AssertClose(conv.forward(x, g), conv.forward(new FeatureInput(csr), g));
    }

    [Fact]
    public void RejectsInputWithWrongRowCount()
    {
        var conv = new GcnConv(3, 2);
        var g = new MessageGraph(Random(5, 5, 0.4, seed: 7));
        var ex = Assert.Throws<ArgumentException>(() => conv.forward(zeros(4, 3), g));
        Assert.Contains("4 rows", ex.Message);
    }

    internal static CsrMatrix SparseFeatures(Tensor x)
    {
        var d = x.contiguous().data<float>().ToArray();
        int rows = (int)x.shape[0], cols = (int)x.shape[1];
        var r = new List<int>(); var c = new List<int>(); var v = new List<float>();
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                if (d[i * cols + j] != 0) { r.Add(i); c.Add(j); v.Add(d[i * cols + j]); }
        return CsrMatrix.FromCoo(rows, cols, r.ToArray(), c.ToArray(), v.ToArray());
    }
}
