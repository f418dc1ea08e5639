using System.Diagnostics;

namespace Vigil.Bots.Benchmark;

/// <summary>
/// The peak resident memory of the process during one run. On Linux the kernel's high-water mark (VmHWM) is reset at
/// the start (writing 5 to <c>/proc/self/clear_refs</c>), so the peak is the run's own, not an earlier run's; where
/// that is not possible the process's lifetime peak is reported, which can only overstate.
/// </summary>
public sealed class PeakMemoryProbe
{
    private PeakMemoryProbe(bool reset) => IsPerRun = reset;

    /// <summary>True when the peak is this run's own (the high-water mark could be reset).</summary>
    public bool IsPerRun { get; }

    public static PeakMemoryProbe Start()
    {
        bool reset = false;
        if (OperatingSystem.IsLinux())
        {
            try
            {
                File.WriteAllText("/proc/self/clear_refs", "5");
                reset = true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return new PeakMemoryProbe(reset);
    }

    /// <summary>The peak resident set size since <see cref="Start"/> (or since the process started), bytes.</summary>
    public long PeakBytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
