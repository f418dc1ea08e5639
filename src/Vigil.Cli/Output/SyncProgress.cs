namespace Vigil.Cli.Output;

/// <summary>Reports on the caller's thread (System.Progress posts to the thread pool, which would reorder lines).</summary>
public sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
