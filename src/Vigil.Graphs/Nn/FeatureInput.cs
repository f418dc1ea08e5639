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
    public int Rows => Sparse?.Rows ?? (int)Dense!.shape[0];
    public int Cols => Sparse?.Cols ?? (int)Dense!.shape[1];
    public bool IsSparse => Sparse is not null;

    public FeatureInput(Tensor dense) { Dense = dense; }
    public FeatureInput(CsrMatrix sparse) { Sparse = sparse; }

    public static FeatureInput From(FeatureMatrix features) =>
        features.IsSparse ? new FeatureInput(features.Sparse!) : new FeatureInput(features.ToDenseTensor());

    public void Dispose() => Dense?.Dispose();
}
