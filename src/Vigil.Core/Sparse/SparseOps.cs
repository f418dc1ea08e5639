using TorchSharp;
using Vigil.Core.Sparse.Autograd;
using Vigil.Core.Sparse.Kernels;
using static TorchSharp.torch;

namespace Vigil.Core.Sparse;

/// <summary>
/// Differentiable sparse operations over a <see cref="CsrMatrix"/> (rows are destinations, columns sources).
/// Per-edge tensors are laid out in the CSR entry order. Multi-head edge values [Nnz, H] pair with node
/// features [Cols, H·F]: head h weights feature columns h·F … (h+1)·F − 1.
/// Tensors must be float32 on the CPU; they are computed by native C# kernels parallel over nnz-balanced row
/// chunks, with gradients defined as custom autograd functions (nothing per-edge is materialised).
/// </summary>
public static class SparseOps
{
    /// <summary>A·X with the matrix's own values (or ones). Gradient flows to X. X: [Cols, F] → [Rows, F].</summary>
    public static Tensor SpMM(CsrMatrix a, Tensor x)
    {
        CheckNodeRows(a, x, nameof(SpMM), "x");
        return Product(a, x);
    }

    /// <summary>
    /// scale·A·X + addendScale·Y with the matrix's own values, fused (one pass forward, one backward): a propagation
    /// mixed with a residual, as GCNII's (1 − α)·Â·H + α·H₀. X: [Cols, F], Y: [Rows, F] → [Rows, F]. Gradients flow
    /// to X and Y.
    /// </summary>
    public static Tensor SpMMAdd(CsrMatrix a, Tensor x, double scale, Tensor addend, double addendScale)
    {
        CheckNodeRows(a, x, nameof(SpMMAdd), "x");
        CheckFloatCpu(addend, nameof(SpMMAdd), "addend");
        if (addend.dim() != 2 || addend.shape[0] != a.Rows || addend.shape[1] != x.shape[1])
            throw new ArgumentException($"SpMMAdd: addend must be [{a.Rows}, {x.shape[1]}] (rows of the matrix, columns of x), got [{string.Join(", ", addend.shape)}].");
        using var xc = x.contiguous();
        using var yc = addend.contiguous();
        if (!NeedsGraph(xc, yc)) return CsrProduct.MultiplyMix(a, xc, (float)scale, yc, (float)addendScale);
        return CsrMixFunction.apply(a, xc, yc, (float)scale, (float)addendScale);
    }

    /// <summary>A·X with learned edge values [Nnz] or [Nnz, H]. Gradients flow to both.</summary>
    public static unsafe Tensor SpMM(CsrMatrix a, Tensor edgeValues, Tensor x)
    {
        CheckNodeRows(a, x, nameof(SpMM), "x");
        int heads = CheckEdgeTensor(a, edgeValues, nameof(SpMM), "edgeValues");
        if (x.shape[1] % heads != 0)
            throw new ArgumentException($"SpMM: x has {x.shape[1]} columns, which do not split into {heads} heads of equal width.");
        using var values = edgeValues.contiguous();
        using var xc = x.contiguous();
        if (!NeedsGraph(values, xc))
            return CsrProduct.MultiplyEdgeValues(a, Floats(values), heads, xc);
        return EdgeValueProductFunction.apply(a, values, xc);
    }

    /// <summary>
    /// Per-edge, per-head dot products out[e, h] = ⟨targets[row e, h], sources[col e, h]⟩ (SDDMM): attention
    /// logits q_i·k_j over the stored edges. targets: [Rows, H·F], sources: [Cols, H·F] → [Nnz, H]. Gradients
    /// flow to both.
    /// </summary>
    public static Tensor EdgeDot(CsrMatrix a, Tensor targets, Tensor sources, int heads = 1)
    {
        CheckNodeRows(a, sources, nameof(EdgeDot), "sources");
        CheckFloatCpu(targets, nameof(EdgeDot), "targets");
        if (targets.dim() != 2 || targets.shape[0] != a.Rows)
            throw new ArgumentException($"EdgeDot: targets must be [{a.Rows}, F] for the matrix ({a}), got shape [{string.Join(", ", targets.shape)}].");
        if (targets.shape[1] != sources.shape[1])
            throw new ArgumentException($"EdgeDot: targets have {targets.shape[1]} columns but sources have {sources.shape[1]}.");
        if (heads < 1 || sources.shape[1] % heads != 0)
            throw new ArgumentException($"EdgeDot: {sources.shape[1]} columns do not split into {heads} heads of equal width.");
        using var t = targets.contiguous();
        using var s = sources.contiguous();
        if (!NeedsGraph(t, s)) return CsrProduct.EdgeValueGradient(a, t, s, heads);
        return EdgeDotFunction.apply(a, t, s, heads);
    }

    /// <summary>Softmax of edge scores [Nnz] or [Nnz, H] over the entries of each row (each destination's in-edges).</summary>
    public static Tensor SegmentSoftmax(CsrMatrix a, Tensor edgeScores)
    {
        int heads = CheckEdgeTensor(a, edgeScores, nameof(SegmentSoftmax), "edgeScores");
        using var scores = edgeScores.contiguous();
        if (!NeedsGraph(scores))
            return SegmentSoftmaxKernel.Forward(a, scores, heads);
        return SegmentSoftmaxFunction.apply(a, scores);
    }

    /// <summary>Per-destination sum of source features: out[i] = Σ_{j→i} x[j].</summary>
    public static Tensor SegmentSum(CsrMatrix a, Tensor x)
    {
        CheckNodeRows(a, x, nameof(SegmentSum), "x");
        return Product(a.KernelCache.Pattern, x);
    }

    /// <summary>Per-destination mean of source features (0 for rows with no entries).</summary>
    public static Tensor SegmentMean(CsrMatrix a, Tensor x)
    {
        CheckNodeRows(a, x, nameof(SegmentMean), "x");
        return Product(a.KernelCache.Mean, x);
    }

    /// <summary>Per-destination element-wise max of source features (0 for rows with no entries).</summary>
    public static Tensor SegmentMax(CsrMatrix a, Tensor x)
    {
        CheckNodeRows(a, x, nameof(SegmentMax), "x");
        using var xc = x.contiguous();
        if (!NeedsGraph(xc))
        {
            var (max, argmax) = SegmentMaxKernel.Forward(a, xc);
            argmax.Dispose();
            return max;
        }
        return SegmentMaxFunction.apply(a, xc);
    }

    /// <summary>The row (destination) of every entry as an int64 tensor (cached per matrix; this is a fresh alias).</summary>
    public static Tensor RowIndexTensor(CsrMatrix a, Device? device = null) => OnDevice(a.KernelCache.RowIndex, device);

    /// <summary>The column (source) of every entry as an int64 tensor (cached per matrix; this is a fresh alias).</summary>
    public static Tensor ColIndexTensor(CsrMatrix a, Device? device = null) => OnDevice(a.KernelCache.ColIndex, device);

    private static Tensor Product(CsrMatrix m, Tensor x)
    {
        using var xc = x.contiguous();
        if (!NeedsGraph(xc)) return CsrProduct.Multiply(m, xc);
        return CsrProductFunction.apply(m, xc);
    }

    /// <summary>
    /// Whether the call must be recorded for autograd; without it the kernel runs directly and skips the
    /// autograd node's bookkeeping (inference, and inputs that are constants such as raw features).
    /// </summary>
    private static bool NeedsGraph(Tensor t) => t.requires_grad && is_grad_enabled();

    private static bool NeedsGraph(Tensor t, Tensor u) => (t.requires_grad || u.requires_grad) && is_grad_enabled();

    private static unsafe float* Floats(Tensor t) => TensorMemory.Floats(t);

    // The cached tensor must outlive callers that dispose what they are given: hand out an alias (a new handle
    // on the same storage), or a copy on another device.
    private static Tensor OnDevice(Tensor cached, Device? device) =>
        device is null || device.type == DeviceType.CPU ? cached.alias() : cached.to(device);

    private static void CheckFloatCpu(Tensor t, string op, string name)
    {
        if (t.dtype != ScalarType.Float32)
            throw new ArgumentException($"{op}: {name} must be float32, got {t.dtype}.");
        if (t.device_type != DeviceType.CPU)
            throw new ArgumentException($"{op}: {name} must be on the CPU, got {t.device}.");
    }

    private static void CheckNodeRows(CsrMatrix a, Tensor x, string op, string name)
    {
        CheckFloatCpu(x, op, name);
        if (x.dim() != 2)
            throw new ArgumentException($"{op}: {name} must be 2-D [{a.Cols}, F], got shape [{string.Join(", ", x.shape)}].");
        if (x.shape[0] != a.Cols)
            throw new ArgumentException($"{op}: {name} has {x.shape[0]} rows but the matrix ({a}) has {a.Cols} columns.");
    }

    /// <summary>Checks a per-edge tensor [Nnz] or [Nnz, H] and returns H.</summary>
    private static int CheckEdgeTensor(CsrMatrix a, Tensor t, string op, string name)
    {
        CheckFloatCpu(t, op, name);
        if (t.dim() is not (1 or 2))
            throw new ArgumentException($"{op}: {name} must be [Nnz] or [Nnz, H], got shape [{string.Join(", ", t.shape)}].");
        if (t.shape[0] != a.Nnz)
            throw new ArgumentException($"{op}: {name} has {t.shape[0]} rows but the matrix ({a}) has {a.Nnz} entries.");
        if (t.dim() == 2 && t.shape[1] < 1)
            throw new ArgumentException($"{op}: {name} must have at least one head, got shape [{string.Join(", ", t.shape)}].");
        return t.dim() == 1 ? 1 : (int)t.shape[1];
    }
}
