using System.Runtime.InteropServices;

namespace Vigil.Bench.Bots;

/// <summary>
/// Drops one file's pages from the operating system's cache (posix_fadvise DONTNEED), so the next read comes from disk
/// without flushing the whole machine's cache under the other users of the machine.
/// </summary>
internal static partial class PageCache
{
    private const int DontNeed = 4;

    public static void Evict(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
        int result = Advise((int)handle.DangerousGetHandle(), 0, 0, DontNeed);
        if (result != 0) throw new IOException($"posix_fadvise(DONTNEED) on '{path}' failed with error {result}.");
    }

    [LibraryImport("libc", EntryPoint = "posix_fadvise")]
    private static partial int Advise(int fd, long offset, long length, int advice);
}
