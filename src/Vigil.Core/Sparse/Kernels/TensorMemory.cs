using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace Vigil.Core.Sparse.Kernels;

/// <summary>Zero-copy access to tensor memory for the kernels, which work on contiguous float32 CPU data.</summary>
internal static unsafe class TensorMemory
{
    /// <summary>
    /// A contiguous handle on <paramref name="t"/> (the same storage when it already is, a copy otherwise); dispose it.
    /// </summary>
    public static Tensor Contiguous(Tensor t) => t.contiguous();

    /// <summary>
    /// Pointer to element 0 (the storage offset included) of a contiguous CPU tensor. TorchSharp's byte view is a
    /// span over the native buffer itself (libtorch owns it and never moves it), so this neither copies nor pins.
    /// </summary>
    public static float* Floats(Tensor t) => (float*)Address(t);

    public static int* Ints(Tensor t) => (int*)Address(t);

    public static long* Longs(Tensor t) => (long*)Address(t);

    private static void* Address(Tensor t) => Unsafe.AsPointer(ref MemoryMarshal.GetReference(t.bytes));

    /// <summary>An uninitialised float32 CPU tensor; kernels write every element.</summary>
    public static Tensor Empty(params long[] shape) => empty(shape, dtype: ScalarType.Float32);

    public static Tensor Zeros(params long[] shape) => zeros(shape, dtype: ScalarType.Float32);
}
