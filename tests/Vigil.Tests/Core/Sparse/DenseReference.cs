using Vigil.Core.Sparse;
using static TorchSharp.torch;

namespace Vigil.Tests.Core.Sparse;

/// <summary>
/// The sparse ops written with dense torch operations (dense matrix products, per-row slices), so torch's own autograd supplies independent reference gradients.
/// </summary>
internal static class DenseReference
{
    /// <summary>A dense [Rows, Cols] copy of the matrix with its values (duplicates added).</summary>
    public static Tensor Dense(CsrMatrix a) => tensor(a.ToDense(), new long[] { a.Rows, a.Cols });

    /// <summary>
    /// A(values)·X as Σ_h dense(A with values[:, h])·X[:, head h]; each dense matrix is built by adding the edge
    /// values into a zero [Rows·Cols] buffer at row·Cols + col, so torch differentiates it back to the values.
    /// </summary>
    public static Tensor SpMM(CsrMatrix a, Tensor values, Tensor x)
    {
        var flat = new long[a.Nnz];
        var rowOf = a.RowIndices();
        for (int e = 0; e < a.Nnz; e++) flat[e] = (long)rowOf[e] * a.Cols + a.ColIdx[e];
        var position = tensor(flat);
        long heads = values.dim() == 1 ? 1 : values.shape[1];
        var v = values.view(a.Nnz, heads);
        long f = x.shape[1] / heads;
        var outs = new List<Tensor>();
        for (long h = 0; h < heads; h++)
        {
            var dense = zeros((long)a.Rows * a.Cols).index_add(0, position, v.select(1, h), 1).view(a.Rows, a.Cols);
            outs.Add(dense.mm(x.narrow(1, h * f, f)));
        }
        return cat(outs, 1);
    }

    public static Tensor SegmentSum(CsrMatrix a, Tensor x) => Dense(a.WithValues(null)).mm(x);

    public static Tensor SegmentMean(CsrMatrix a, Tensor x)
    {
        var degree = tensor(Enumerable.Range(0, a.Rows).Select(i => (float)a.RowLength(i)).ToArray()).unsqueeze(1);
        var inverse = where(degree > 0, 1f / degree.clamp_min(1f), zeros_like(degree));
        return Dense(a.WithValues(null)).mm(x) * inverse;
    }

    public static Tensor SegmentMax(CsrMatrix a, Tensor x)
    {
        var rows = new List<Tensor>();
        for (int i = 0; i < a.Rows; i++)
        {
            if (a.RowLength(i) == 0) { rows.Add(zeros(1, x.shape[1])); continue; }
            var idx = tensor(a.ColIdx[a.RowPtr[i]..a.RowPtr[i + 1]].Select(v => (long)v).ToArray());
            rows.Add(x.index_select(0, idx).max(0).values.unsqueeze(0));
        }
        return cat(rows, 0);
    }

    public static Tensor SegmentSoftmax(CsrMatrix a, Tensor scores)
    {
        var parts = new List<Tensor>();
        for (int i = 0; i < a.Rows; i++)
            if (a.RowLength(i) > 0) parts.Add(scores.narrow(0, a.RowPtr[i], a.RowLength(i)).softmax(0));
        return cat(parts, 0);
    }
}
