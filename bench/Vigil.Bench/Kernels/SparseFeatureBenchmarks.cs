using BenchmarkDotNet.Attributes;
using Vigil.Core.Sparse;
using static TorchSharp.torch;

namespace Vigil.Bench.Kernels;

/// <summary>
/// A first layer over bag-of-words features: H = X_csr·W with X Cora-shaped (2,708 × 1,433, binary) and the
/// gradient dW = Xᵀ·dH. Native CSR kernel versus index_add and versus a dense matmul on the densified features.
/// </summary>
[MemoryDiagnoser(displayGenColumns: false)]
public class SparseFeatureBenchmarks
{
    [Params(16, 64)]
    public int Width { get; set; }

    private CsrMatrix _features = null!;
    private IndexAddSpMM _indexAdd = null!;
    private Tensor _dense = null!, _w = null!, _upstream = null!;

    [GlobalSetup]
    public void Setup()
    {
        _features = BenchGraphs.CoraLikeFeatures();
        _indexAdd = new IndexAddSpMM(_features);
        _dense = tensor(_features.ToDense(), new long[] { _features.Rows, _features.Cols });
        _w = tensor(BenchGraphs.RandomFloats(_features.Cols * Width, 7), new long[] { _features.Cols, Width }).requires_grad_(true);
        _upstream = tensor(BenchGraphs.RandomFloats(_features.Rows * Width, 8), new long[] { _features.Rows, Width });
        Native();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _indexAdd.Dispose();
        _dense.Dispose();
        _w.Dispose();
        _upstream.Dispose();
    }

    [Benchmark(Baseline = true, Description = "index_add fwd+bwd")]
    public float IndexAdd() => ForwardBackward(_indexAdd.Multiply);

    [Benchmark(Description = "dense mm fwd+bwd")]
    public float DenseMatmul() => ForwardBackward(w => _dense.mm(w));

    [Benchmark(Description = "native fwd+bwd")]
    public float Native() => ForwardBackward(w => SparseOps.SpMM(_features, w));

    private float ForwardBackward(Func<Tensor, Tensor> op)
    {
        using var scope = NewDisposeScope();
        var y = op(_w);
        var grad = autograd.grad([y], [_w], [_upstream])[0];
        return grad.numel();
    }
}
