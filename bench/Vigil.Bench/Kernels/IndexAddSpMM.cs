using Vigil.Core.Sparse;
using static TorchSharp.torch;

namespace Vigil.Bench.Kernels;

/// <summary>
/// The baseline the native kernels replace: gather source rows with index_select, scale by the edge values,
/// scatter-add into destinations with index_add; torch's autograd supplies the backward pass. Kept here (not in
/// src) only so benchmarks can compare against it.
/// </summary>
public sealed class IndexAddSpMM : IDisposable
{
    private readonly Tensor _rows, _cols;
    private readonly Tensor? _values;
    private readonly int _outputRows;

    public IndexAddSpMM(CsrMatrix a)
    {
        _rows = SparseOps.RowIndexTensor(a).DetachFromDisposeScope();
        _cols = SparseOps.ColIndexTensor(a).DetachFromDisposeScope();
        _values = a.Values is null ? null : tensor(a.Values).unsqueeze(1).DetachFromDisposeScope();
        _outputRows = a.Rows;
    }

    public Tensor Multiply(Tensor x)
    {
        var messages = x.index_select(0, _cols);
        if (_values is not null) messages = messages * _values;
        return zeros(_outputRows, x.shape[1], dtype: x.dtype).index_add(0, _rows, messages, 1);
    }

    public void Dispose()
    {
        _rows.Dispose();
        _cols.Dispose();
        _values?.Dispose();
    }
}
