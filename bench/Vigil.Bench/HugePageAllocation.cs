using System.Runtime.InteropServices;

namespace Vigil.Bench;

/// <summary>
/// Asks libtorch's CPU allocator to back large tensors with transparent huge pages (THP_MEM_ALLOC_ENABLE=1).
/// Tensors over glibc's 32 MB mmap ceiling (a 200k × 64 float32 activation is 51 MB) are otherwise mapped fresh
/// on every allocation and page-faulted 4 KB at a time, which on a 2M-edge graph costs more than the kernels.
/// libtorch reads the variable once, at its first allocation, so this must run before any tensor exists.
/// </summary>
internal static partial class HugePageAllocation
{
    private const string Variable = "THP_MEM_ALLOC_ENABLE";

    /// <summary>Turns it on unless the caller's environment already decided (set it to 0 to measure without).</summary>
    public static void EnableUnlessSet()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not null || !OperatingSystem.IsLinux()) return;
        // The native environment is what libtorch reads; the managed copy is what child processes inherit.
        if (SetEnv(Variable, "1", 1) != 0)
            throw new InvalidOperationException($"setenv({Variable}) failed with errno {Marshal.GetLastPInvokeError()}.");
        Environment.SetEnvironmentVariable(Variable, "1");
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
