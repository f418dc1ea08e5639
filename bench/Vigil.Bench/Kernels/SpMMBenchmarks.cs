using BenchmarkDotNet.Attributes;
using Vigil.Core.Sparse;
using static TorchSharp.torch;

namespace Vigil.Bench.Kernels;

/// <summary>
/// One GCN-style propagation, forward and backward: Y = A·X, then dX = Aᵀ·dY for a fixed upstream gradient.
/// Native CSR kernel versus the index_select + index_add formulation.
/// </summary>
[MemoryDiagnoser(displayGenColumns: false)]
public class SpMMBenchmarks
{
    [Params("cora", "random-200k")]
    public string Graph { get; set; } = "cora";

    [Params(16, 64)]
    public int Width { get; set; }

    private CsrMatrix _a = null!;
    private IndexAddSpMM _indexAdd = null!;
    private Tensor _x = null!, _upstream = null!;

    [GlobalSetup]
    public void Setup()
    {
        _a = BenchGraphs.ByName(Graph);
        _indexAdd = new IndexAddSpMM(_a);
        _x = tensor(BenchGraphs.RandomFloats(_a.Cols * Width, 5), new long[] { _a.Cols, Width }).requires_grad_(true);
        _upstream = tensor(BenchGraphs.RandomFloats(_a.Rows * Width, 6), new long[] { _a.Rows, Width });
        // Build the cached transpose and index tensors once, as the first epoch of a training run would.
        Native();
        IndexAdd();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _indexAdd.Dispose();
        _x.Dispose();
        _upstream.Dispose();
    }

    [Benchmark(Baseline = true, Description = "index_add fwd+bwd")]
    public float IndexAdd() => ForwardBackward(_indexAdd.Multiply);

    [Benchmark(Description = "native fwd+bwd")]
    public float Native() => ForwardBackward(x => SparseOps.SpMM(_a, x));

    private float ForwardBackward(Func<Tensor, Tensor> op)
    {
        using var scope = NewDisposeScope();
        var y = op(_x);
        var grad = autograd.grad([y], [_x], [_upstream])[0];
        return grad.numel();
    }
}
