using Spectre.Console;
using Vigil.Bots.Benchmark;
using Vigil.Cli.Output;

namespace Vigil.Cli.Commands;

/// <summary>
/// Shows a sweep's progress on stderr: a live Spectre progress bar on a terminal, one plain line per run event when
/// stderr is redirected (logs, tests, CI).
/// </summary>
internal static class BenchProgressDisplay
{
    public static BenchmarkSweep Run(Func<IProgress<BenchmarkProgress>, BenchmarkSweep> sweep)
    {
        if (Console.IsErrorRedirected || !Terminal.Human.Profile.Capabilities.Interactive)
            return sweep(new SyncProgress<BenchmarkProgress>(p => Terminal.Human.WriteLine(Line(p))));
        BenchmarkSweep? result = null;
        Terminal.Human.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var bar = context.AddTask("benchmark", maxValue: 1);
                result = sweep(new SyncProgress<BenchmarkProgress>(p =>
                {
                    bar.MaxValue = Math.Max(1, p.Total);
                    bar.Value = p.Done;
                    bar.Description = Markup.Escape($"{p.Method} seed {p.Seed}");
                    if (p.Event is BenchmarkEvent.Finished or BenchmarkEvent.Unsupported) Terminal.Human.WriteLine(Line(p));
                }));
            });
        return result!;
    }

    private static string Line(BenchmarkProgress p) => p.Event switch
    {
        BenchmarkEvent.Started => $"[{p.Done}/{p.Total}] {p.Method} seed {p.Seed}: running",
        BenchmarkEvent.Finished => $"[{p.Done}/{p.Total}] {p.Method} seed {p.Seed}: {p.Detail}",
        BenchmarkEvent.Resumed => $"[{p.Done}/{p.Total}] {p.Method} seed {p.Seed}: already stored",
        _ => $"{p.Method} skipped: {p.Detail}",
    };
}
