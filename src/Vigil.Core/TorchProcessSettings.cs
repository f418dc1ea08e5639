using System.Runtime.InteropServices;

namespace Vigil.Core;

/// <summary>
/// Native-runtime settings libtorch reads once, when it loads or first allocates, so they must be in the process
/// environment before any tensor exists. Each is left alone if the caller's environment already sets it.
/// <list type="bullet">
/// <item>OMP_WAIT_POLICY=PASSIVE: libtorch's OpenMP workers otherwise spin for milliseconds after every parallel
/// torch op, taking the cores the .NET thread pool needs for the sparse kernels (a Cora GCN epoch measured
/// ~76 ms with spinning workers against ~3.5 ms without, on 2 cores).</item>
/// <item>THP_MEM_ALLOC_ENABLE=1: tensors over glibc's 32 MB mmap ceiling (a 200k × 64 float32 activation is
/// 51 MB) are otherwise mapped fresh on every allocation and page-faulted 4 KB at a time, which costs about as
/// much as the SpMM that fills them; transparent huge pages cut that several-fold.</item>
/// </list>
/// Executables call <see cref="ApplyUnlessSet"/> first thing in Main (the CLI, the benchmarks, the test assembly).
/// </summary>
public static partial class TorchProcessSettings
{
    public static void ApplyUnlessSet()
    {
        if (!OperatingSystem.IsLinux()) return;
        SetUnlessPresent("OMP_WAIT_POLICY", "PASSIVE");
        SetUnlessPresent("THP_MEM_ALLOC_ENABLE", "1");
    }

    /// <summary>
    /// Keeps the C heap from growing with every differently-sized tensor a long process allocates: glibc raises its
    /// mmap threshold to the largest block freed so far, after which activations come from the heap, whose freed
    /// space fragments and is never returned (a relational transformer training on 3,000 users grew to 2 GB in a
    /// minute; GCNII-64 on Cora peaks near 2 GB). A fixed 128 KB threshold maps every large tensor on its own, so
    /// resident memory follows the live tensors (GCNII-64: 0.42 GB), at the cost of page-faulting each new one.
    /// For processes that train many models in a row and report their memory (<c>vigil bench</c>); unless
    /// MALLOC_MMAP_THRESHOLD_ is set in the environment.
    /// </summary>
    public static void BoundHeapGrowth()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_") is not null) return;
        const int MmapThreshold = -3, TrimThreshold = -1;
        // Keep up to 64 MB free at the heap's top so small allocations are not trimmed and re-faulted all the time.
        if (MallOpt(MmapThreshold, 128 * 1024) != 1 || MallOpt(TrimThreshold, 64 * 1024 * 1024) != 1)
            throw new InvalidOperationException("mallopt rejected the heap settings.");
    }

    private static void SetUnlessPresent(string name, string value)
    {
        if (Environment.GetEnvironmentVariable(name) is not null) return;
        // The native environment is what libtorch and libgomp read; the managed copy is what child processes inherit.
        if (SetEnv(name, value, 1) != 0)
            throw new InvalidOperationException($"setenv({name}) failed with errno {Marshal.GetLastPInvokeError()}.");
        Environment.SetEnvironmentVariable(name, value);
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int MallOpt(int param, int value);

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
