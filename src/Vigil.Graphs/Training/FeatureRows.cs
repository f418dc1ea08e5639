using Vigil.Core.Sparse;
using Vigil.Graphs.Nn;
using static TorchSharp.torch;

namespace Vigil.Graphs.Training;

/// <summary>The feature rows of a sampled batch's input nodes, kept dense or sparse as the graph's features are.</summary>
internal static class FeatureRows
{
    public static FeatureInput Gather(FeatureInput features, int[] nodes)
    {
        if (features.Sparse is { } csr) return new FeatureInput(SelectRows(csr, nodes));
        var idx = new long[nodes.Length];
        for (int i = 0; i < nodes.Length; i++) idx[i] = nodes[i];
        using var index = tensor(idx);
        return new FeatureInput(features.Dense!.index_select(0, index));
    }

    private static CsrMatrix SelectRows(CsrMatrix a, int[] rows)
    {
        var ptr = new int[rows.Length + 1];
        for (int i = 0; i < rows.Length; i++) ptr[i + 1] = ptr[i] + a.RowLength(rows[i]);
        var cols = new int[ptr[rows.Length]];
        var vals = a.Values is null ? null : new float[cols.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            int s = a.RowPtr[rows[i]], len = a.RowLength(rows[i]);
            Array.Copy(a.ColIdx, s, cols, ptr[i], len);
            if (vals is not null) Array.Copy(a.Values!, s, vals, ptr[i], len);
        }
        return new CsrMatrix(rows.Length, a.Cols, ptr, cols, vals, validate: false);
    }
}
