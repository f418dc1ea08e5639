using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Vigil.Bots.Data.Columns;

/// <summary>
/// Allocates large arrays that are read and written at random places (the id maps of millions of tweets) so that Linux
/// backs them with 2 MiB pages. A lookup in a 256 MiB table with 4 KiB pages misses the TLB almost every time and pays a
/// page-table walk on top of the cache miss; with 2 MiB pages the whole table fits the TLB. On the 1M-user set, under load, it
/// made the sequential read about 10% faster per CPU second, within run-to-run noise, and idle reads showed no wall-time
/// gain (docs/BENCHMARKS.md). The array is pinned (it lives on the pinned
/// object heap and never moves), because the advice belongs to the address range, not to the object.
/// </summary>
internal static class HugePageArray
{
    private const int HugePageSize = 1 << 21;
    private const int MadviseHugePage = 14; // MADV_HUGEPAGE in linux/mman.h

    /// <summary>Arrays smaller than this are allocated as usual: they fit the TLB anyway, and pinning them would fragment the heap.</summary>
    public const int MinBytes = 4 * HugePageSize;

    /// <summary>
    /// A zeroed array of <paramref name="length"/> elements; for one of at least <see cref="MinBytes"/> on Linux, pinned and
    /// advised to use huge pages before its memory is first touched. The advice is only a hint: where the kernel ignores it
    /// (transparent huge pages off) the array is an ordinary pinned array.
    /// </summary>
    public static unsafe T[] Allocate<T>(int length) where T : unmanaged
    {
        long bytes = (long)length * sizeof(T);
        if (bytes < MinBytes || !OperatingSystem.IsLinux()) return new T[length];
        // Uninitialised: a fresh large array's pages are not yet touched, so the advice decides how they get mapped
        // when the clear below first writes them.
        var array = GC.AllocateUninitializedArray<T>(length, pinned: true);
        byte* start = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
        long first = ((long)start + HugePageSize - 1) & ~(long)(HugePageSize - 1);
        long end = ((long)start + bytes) & ~(long)(HugePageSize - 1);
        if (end > first)
        {
            try { _ = Madvise((nint)first, (nuint)(end - first), MadviseHugePage); }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { }
        }
        Array.Clear(array);
        return array;
    }

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Madvise(nint address, nuint length, int advice);
}
