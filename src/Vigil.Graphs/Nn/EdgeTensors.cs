using System.Runtime.CompilerServices;
using Vigil.Core.Sparse;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn;

/// <summary>
/// Per-edge tensors of a CSR matrix (destination and source of every entry, entry values), built once per matrix
/// and device and then shared by every forward pass, so layers never rebuild index arrays per call.
/// The cache holds the matrix weakly: its tensors go when the matrix goes. Callers must not dispose them.
/// </summary>
public static class EdgeTensors
{
    private sealed class Entry
    {
        public readonly Dictionary<(string Kind, string Device), Tensor> Tensors = new();
    }

    private static readonly ConditionalWeakTable<CsrMatrix, Entry> Cache = new();

    /// <summary>Destination (row) of every entry, int64 [Nnz].</summary>
    public static Tensor Rows(CsrMatrix a, Device device) =>
        Get(a, "rows", device, () => tensor(Widen(a.RowIndices()), device: device));

    /// <summary>Source (column) of every entry, int64 [Nnz].</summary>
    public static Tensor Cols(CsrMatrix a, Device device) =>
        Get(a, "cols", device, () => tensor(Widen(a.ColIdx), device: device));

    /// <summary>
    /// Any per-entry integer attribute of <paramref name="a"/> (e.g. edge types) as int64 [Nnz], cached under
    /// <paramref name="kind"/> like the index tensors.
    /// </summary>
    public static Tensor PerEntry(CsrMatrix a, string kind, int[] perEntry, Device device)
    {
        if (perEntry.Length != a.Nnz)
            throw new ArgumentException($"{nameof(EdgeTensors)}: '{kind}' has {perEntry.Length} entries but the matrix has {a.Nnz}.");
        return Get(a, "entry:" + kind, device, () => tensor(Widen(perEntry), device: device));
    }

    /// <summary>Value of every entry (ones for a pattern matrix), float32 [Nnz].</summary>
    public static Tensor Values(CsrMatrix a, Device device) =>
        Get(a, "values", device, () => a.Values is null ? ones(a.Nnz, device: device) : tensor(a.Values, device: device));

    private static Tensor Get(CsrMatrix a, string kind, Device device, Func<Tensor> build)
    {
        var entry = Cache.GetValue(a, _ => new Entry());
        var key = (kind, device.ToString());
        lock (entry)
        {
            if (entry.Tensors.TryGetValue(key, out var t) && !t.IsInvalid) return t;
            // Built inside whatever dispose scope the caller has open; detach so the scope cannot free the cache.
            t = build().DetachFromDisposeScope();
            entry.Tensors[key] = t;
            return t;
        }
    }

    private static long[] Widen(int[] v)
    {
        var w = new long[v.Length];
        for (int i = 0; i < v.Length; i++) w[i] = v[i];
        return w;
    }
}
