namespace Vigil.Bench.Bots;

/// <summary>The process's peak resident memory (VmHWM), current resident memory (VmRSS) and huge-page memory from /proc, in MiB.</summary>
internal static class ProcessMemory
{
    public static double PeakMb() => Read("VmHWM:");
    public static double CurrentMb() => Read("VmRSS:");

    /// <summary>Resident memory on transparent huge pages (the large id maps ask for them), from /proc/self/smaps_rollup.</summary>
    public static double AnonHugePagesMb() => File.Exists("/proc/self/smaps_rollup") ? Read("AnonHugePages:", "/proc/self/smaps_rollup") : 0;

    private static double Read(string key, string file = "/proc/self/status")
    {
        foreach (var line in File.ReadLines(file))
        {
            if (!line.StartsWith(key, StringComparison.Ordinal)) continue;
            var kb = line[key.Length..].Trim().Split(' ')[0];
            return double.Parse(kb, System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
        }
        return double.NaN;
    }
}
