using TorchSharp;
using static TorchSharp.torch;

namespace Vigil.Core.Sparse;

/// <summary>
/// Differentiable sparse operations over a <see cref="CsrMatrix"/> (rows are destinations, columns sources).
/// Per-edge tensors are laid out in the CSR entry order. Multi-head edge values [Nnz, H] pair with node
/// features [Cols, H·F]: head h weights feature columns h·F … (h+1)·F − 1.
/// </summary>
public static class SparseOps
{
    /// <summary>A·X with the matrix's own values (or ones). Gradient flows to X. X: [Cols, F] → [Rows, F].</summary>
    public static Tensor SpMM(CsrMatrix a, Tensor x) => SpMMReference(a, null, x);

    /// <summary>A·X with learned edge values [Nnz] or [Nnz, H]. Gradients flow to both.</summary>
    public static Tensor SpMM(CsrMatrix a, Tensor edgeValues, Tensor x) => SpMMReference(a, edgeValues, x);

    /// <summary>Softmax of edge scores [Nnz] or [Nnz, H] over the entries of each row (each destination's in-edges).</summary>
    public static Tensor SegmentSoftmax(CsrMatrix a, Tensor edgeScores)
    {
        using var scope = NewDisposeScope();
        var rows = RowIndexTensor(a, edgeScores.device);
        var shape = edgeScores.shape.ToArray(); shape[0] = a.Rows;
        // Shift by the global max for stability; exact per-row max needs the native kernel.
        var shifted = edgeScores - edgeScores.max().detach();
        var ex = shifted.exp();
        var sums = zeros(shape, dtype: ex.dtype, device: ex.device).index_add(0, rows, ex, 1);
        return (ex / sums.index_select(0, rows).clamp_min(1e-30)).MoveToOuterDisposeScope();
    }

    /// <summary>Per-destination sum of source features: out[i] = Σ_{j→i} x[j].</summary>
    public static Tensor SegmentSum(CsrMatrix a, Tensor x) => SpMMReference(a.WithValues(null), null, x);

    /// <summary>Per-destination mean of source features (0 for rows with no entries).</summary>
    public static Tensor SegmentMean(CsrMatrix a, Tensor x)
    {
        var inv = new float[a.Nnz];
        for (int r = 0; r < a.Rows; r++)
        {
            int len = a.RowLength(r);
            for (int e = a.RowPtr[r]; e < a.RowPtr[r + 1]; e++) inv[e] = 1f / len;
        }
        return SpMMReference(a.WithValues(inv), null, x);
    }

    /// <summary>Per-destination element-wise max of source features (0 for rows with no entries).</summary>
    public static Tensor SegmentMax(CsrMatrix a, Tensor x)
    {
        using var scope = NewDisposeScope();
        var outs = new List<Tensor>(a.Rows);
        var f = x.shape[1];
        for (int r = 0; r < a.Rows; r++)
        {
            if (a.RowLength(r) == 0) { outs.Add(zeros(1, f, dtype: x.dtype, device: x.device)); continue; }
            var idx = tensor(a.ColIdx[a.RowPtr[r]..a.RowPtr[r + 1]].Select(v => (long)v).ToArray(), device: x.device);
            outs.Add(x.index_select(0, idx).max(0).values.unsqueeze(0));
        }
        return cat(outs, 0).MoveToOuterDisposeScope();
    }

    /// <summary>The row (destination) of every entry as an int64 tensor.</summary>
    public static Tensor RowIndexTensor(CsrMatrix a, Device? device = null) =>
        tensor(a.RowIndices().Select(v => (long)v).ToArray(), device: device);

    /// <summary>The column (source) of every entry as an int64 tensor.</summary>
    public static Tensor ColIndexTensor(CsrMatrix a, Device? device = null) =>
        tensor(a.ColIdx.Select(v => (long)v).ToArray(), device: device);

    private static Tensor SpMMReference(CsrMatrix a, Tensor? edgeValues, Tensor x)
    {
        using var scope = NewDisposeScope();
        var rows = RowIndexTensor(a, x.device);
        var cols = ColIndexTensor(a, x.device);
        var msg = x.index_select(0, cols);
        Tensor? w = edgeValues ?? (a.Values is null ? null : tensor(a.Values, device: x.device));
        if (w is not null)
        {
            if (w.dim() == 1) msg = msg * w.unsqueeze(1);
            else
            {
                long h = w.shape[1], f = x.shape[1] / h;
                msg = (msg.view(-1, h, f) * w.unsqueeze(2)).view(-1, h * f);
            }
        }
        return zeros(a.Rows, x.shape[1], dtype: x.dtype, device: x.device).index_add(0, rows, msg, 1).MoveToOuterDisposeScope();
    }
}
