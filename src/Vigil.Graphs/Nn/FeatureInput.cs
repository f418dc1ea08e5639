using Vigil.Core.Sparse;
using Vigil.Graphs.Data;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn;

/// <summary>
/// Node features as a model's first layer sees them: a dense [N, F] tensor, or a CSR matrix that stays sparse
/// so that the first product X·W costs O(nnz·H) instead of O(N·F·H).
/// </summary>
public sealed class FeatureInput : IDisposable
{
    public Tensor? Dense { get; }
    public CsrMatrix? Sparse { get; }
    /// <summary>
    /// Per-entry values [Nnz] that replace <see cref="Sparse"/>'s own values, or null. Dropout on sparse features
    /// rewrites only these, so the CSR structure is shared and nothing is densified.
    /// </summary>
    public Tensor? SparseValues { get; }
    public int Rows => Sparse?.Rows ?? (int)Dense!.shape[0];
    public int Cols => Sparse?.Cols ?? (int)Dense!.shape[1];
    public bool IsSparse => Sparse is not null;

    public FeatureInput(Tensor dense)
    {
        if (dense.dim() != 2) throw new ArgumentException($"Dense features must be a 2-D [nodes, features] tensor, got shape [{string.Join(", ", dense.shape)}].");
        Dense = dense;
    }

    public FeatureInput(CsrMatrix sparse) { Sparse = sparse; }

    /// <summary>Sparse features whose entries take <paramref name="values"/> ([Nnz]) instead of the CSR's own.</summary>
    public FeatureInput(CsrMatrix sparse, Tensor values)
    {
        if (values.dim() != 1 || values.shape[0] != sparse.Nnz)
            throw new ArgumentException($"Sparse feature values must have shape [{sparse.Nnz}] (one per stored entry), got [{string.Join(", ", values.shape)}].");
        Sparse = sparse; SparseValues = values;
    }

    public static FeatureInput From(FeatureMatrix features) =>
        features.IsSparse ? new FeatureInput(features.Sparse!) : new FeatureInput(features.ToDenseTensor());

    /// <summary>X·W for W [Cols, H]: a dense matmul, or a sparse product that never densifies X.</summary>
    public Tensor MatMul(Tensor weight)
    {
        if (weight.dim() != 2 || weight.shape[0] != Cols)
            throw new ArgumentException($"Cannot multiply {Rows}×{Cols} features by a weight of shape [{string.Join(", ", weight.shape)}]: it needs {Cols} rows.");
        if (Sparse is null) return Dense!.matmul(weight);
        return SparseValues is null ? SparseOps.SpMM(Sparse, weight) : SparseOps.SpMM(Sparse, SparseValues, weight);
    }

    public void Dispose()
    {
        Dense?.Dispose();
        SparseValues?.Dispose();
    }
}
