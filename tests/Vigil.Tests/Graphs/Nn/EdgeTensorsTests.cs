using TorchSharp;
using Vigil.Graphs.Nn;
using static TorchSharp.torch;
using static Vigil.Tests.Graphs.Nn.NnTestGraphs;

namespace Vigil.Tests.Graphs.Nn;

public class EdgeTensorsTests
{
    [Fact]
    public void IndexTensorsAreBuiltOnceAndOutliveDisposeScopes()
    {
        var a = Random(6, 9, 0.4, seed: 171);
        Tensor rows, cols;
        using (var scope = NewDisposeScope())
        {
            rows = EdgeTensors.Rows(a, CPU);
            cols = EdgeTensors.Cols(a, CPU);
        }
        Assert.Same(rows, EdgeTensors.Rows(a, CPU));
        Assert.Same(cols, EdgeTensors.Cols(a, CPU));
        Assert.Equal(a.RowIndices().Select(r => (long)r), rows.data<long>().ToArray());
        Assert.Equal(a.ColIdx.Select(c => (long)c), cols.data<long>().ToArray());
        Assert.Equal(Enumerable.Repeat(1f, a.Nnz), EdgeTensors.Values(a, CPU).data<float>().ToArray());
    }
}
