namespace Vigil.Core.Sparse.Kernels;

/// <summary>
/// The weight of stored entry e in a gather. Kernels are generic over these structs so the JIT specialises each
/// loop and inlines the lookup: no per-edge branch on "are there values, are they permuted, which head".
/// </summary>
internal interface IEdgeWeights<TSelf> where TSelf : struct, IEdgeWeights<TSelf>
{
    float At(int entry);

    /// <summary>The weights of head h when values are laid out [Nnz, H] (the stride is H).</summary>
    TSelf ForHead(int head);
}

/// <summary>
/// The H per-head values of entry e as one contiguous row, for kernels that apply all heads in one pass over
/// the edges (one read of the [Nnz, H] row instead of H strided reads).
/// </summary>
internal unsafe interface IEdgeValueRows
{
    float* Row(int entry);
}

/// <summary>Every entry weighs 1 (a pattern matrix, sums).</summary>
internal readonly struct UnitWeights : IEdgeWeights<UnitWeights>
{
    public float At(int entry) => 1f;
    public UnitWeights ForHead(int head) => this;
}

/// <summary>Entry e weighs values[e·stride]: a value array, or one head's column of an [Nnz, H] tensor.</summary>
internal readonly unsafe struct StridedWeights(float* values, int stride) : IEdgeWeights<StridedWeights>, IEdgeValueRows
{
    public float* Row(int entry) => values + (long)entry * stride;
    public float At(int entry) => values[(long)entry * stride];
    public StridedWeights ForHead(int head) => new(values + head, stride);
}

/// <summary>
/// Entry k weighs values[perm[k]·stride]: per-edge values of a matrix read through its transpose, where
/// perm maps each transposed entry back to the original entry.
/// </summary>
internal readonly unsafe struct PermutedWeights(float* values, int* permutation, int stride) : IEdgeWeights<PermutedWeights>, IEdgeValueRows
{
    public float* Row(int entry) => values + (long)permutation[entry] * stride;
    public float At(int entry) => values[(long)permutation[entry] * stride];
    public PermutedWeights ForHead(int head) => new(values + head, permutation, stride);
}
