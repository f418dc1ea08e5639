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

    private static void SetUnlessPresent(string name, string value)
    {
        if (Environment.GetEnvironmentVariable(name) is not null) return;
        // The native environment is what libtorch and libgomp read; the managed copy is what child processes inherit.
        if (SetEnv(name, value, 1) != 0)
            throw new InvalidOperationException($"setenv({name}) failed with errno {Marshal.GetLastPInvokeError()}.");
        Environment.SetEnvironmentVariable(name, value);
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
