namespace Vigil.Bench.Bots;

/// <summary>The process's peak resident memory (VmHWM) and current resident memory (VmRSS) from /proc, in MiB.</summary>
internal static class ProcessMemory
{
    public static double PeakMb() => Read("VmHWM:");
    public static double CurrentMb() => Read("VmRSS:");

    private static double Read(string key)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (!line.StartsWith(key, StringComparison.Ordinal)) continue;
            var kb = line[key.Length..].Trim().Split(' ')[0];
            return double.Parse(kb, System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
        }
        return double.NaN;
    }
}
