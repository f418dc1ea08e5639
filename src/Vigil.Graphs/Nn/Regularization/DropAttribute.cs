using TorchSharp;
using Vigil.Core.Sparse;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Regularization;

/// <summary>
/// Feature dropout on a model's input, by entry, column or row, rescaled by 1/(1 − p) so the expected input is
/// unchanged. Sparse input keeps its CSR structure: only the [Nnz] value vector is masked, through the cached
/// entry→row/column indices, never a dense copy. Identity in evaluation; deterministic with a seeded generator.
/// </summary>
public sealed class DropAttribute : nn.Module<FeatureInput, FeatureInput>
{
    private readonly Generator? generator;

    public double P { get; }
    public DropAttributeMode Mode { get; }

    public DropAttribute(double p, DropAttributeMode mode = DropAttributeMode.Element, Generator? generator = null) : base(nameof(DropAttribute))
    {
        RandomMask.RequireRate(nameof(DropAttribute), p);
        P = p; Mode = mode; this.generator = generator;
    }

    public override FeatureInput forward(FeatureInput x)
    {
        if (!training || P == 0) return x;
        return x.Sparse is { } csr ? new FeatureInput(csr, DropValues(csr, x.SparseValues)) : new FeatureInput(DropDense(x.Dense!));
    }

    private Tensor DropDense(Tensor x)
    {
        if (Mode == DropAttributeMode.Element && generator is null) return nn.functional.dropout(x, P, true);
        long[] shape = Mode switch
        {
            DropAttributeMode.Element => [x.shape[0], x.shape[1]],
            DropAttributeMode.Column => [1, x.shape[1]],
            _ => [x.shape[0], 1],
        };
        return x * RandomMask.Scaled(shape, P, generator, x.device);
    }

    private Tensor DropValues(CsrMatrix csr, Tensor? values)
    {
        var device = values?.device ?? CPU;
        var v = values ?? EdgeTensors.Values(csr, device);
        if (Mode == DropAttributeMode.Element)
            return generator is null ? nn.functional.dropout(v, P, true) : v * RandomMask.Scaled([csr.Nnz], P, generator, device);
        // One draw per column (or row), spread to that column's (row's) stored entries.
        var (count, entryIndex) = Mode == DropAttributeMode.Column
            ? (csr.Cols, EdgeTensors.Cols(csr, device))
            : (csr.Rows, EdgeTensors.Rows(csr, device));
        return v * RandomMask.Scaled([count], P, generator, device).index_select(0, entryIndex);
    }
}
