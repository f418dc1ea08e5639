using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Vigil.Bench.EndToEnd;

/// <summary>
/// Runs <see cref="EpochBenchmark"/> for every (graph, model) pair, each in a fresh child process, and prints a
/// Markdown table with the PyTorch Geometric reference and the ratio to it.
/// </summary>
public static class EpochBenchmarkSuite
{
    /// <summary>PyG 2.4 on Debian's torch 1.13.1 (OpenBLAS), 2 cores: median ms per training epoch and peak MB.</summary>
    private static readonly Dictionary<(string Graph, string Model), (double Ms, double? PeakMb)> Reference = new()
    {
        [("cora", "gcn")] = (64, null), [("cora", "gat")] = (81, null), [("cora", "sage")] = (118, null),
        [("cora", "rgcn")] = (96, null), [("cora", "appnp")] = (73, null), [("cora", "gcnii")] = (584, null),
        [("random200k", "gcn")] = (3600, 1800), [("random200k", "sage")] = (3400, 1300), [("random200k", "gat")] = (6100, 3200),
    };

    public static int Run(string[] graphs, string[] models, int epochs)
    {
        var rows = new List<EpochBenchmark.Measurement>();
        foreach (var g in graphs)
        foreach (var m in models)
        {
            if (m == "gcnii" && g != "cora") continue;
            Console.Error.WriteLine($"[e2e] {g} / {m} …");
            var psi = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
            var self = typeof(EpochBenchmarkSuite).Assembly.Location;
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") psi.ArgumentList.Add(self);
            foreach (var a in new[] { "e2e-one", g, m, epochs.ToString(CultureInfo.InvariantCulture) }) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            string output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) { Console.Error.WriteLine($"[e2e] {g} / {m} failed with exit code {p.ExitCode}"); continue; }
            var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
            var r = JsonSerializer.Deserialize<EpochBenchmark.Measurement>(line)!;
            Console.Error.WriteLine($"[e2e] {g} / {m}: {r.MedianMs:F1} ms/epoch, peak {r.PeakRssMb:F0} MB");
            rows.Add(r);
        }
        Console.Out.Write(Markdown(rows));
        return 0;
    }

    private static string Markdown(IEnumerable<EpochBenchmark.Measurement> rows)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("| graph | model | layers × hidden | median ms / epoch | PyG ms | ratio (Vigil / PyG) | peak RSS MB | PyG peak MB |");
        sb.AppendLine("|---|---|---|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            Reference.TryGetValue((r.Graph, r.Model), out var reference);
            string refMs = reference.Ms > 0 ? reference.Ms.ToString("F0", inv) : "–";
            string ratio = reference.Ms > 0 ? (r.MedianMs / reference.Ms).ToString("F3", inv) : "–";
            string refPeak = reference.PeakMb is { } pk ? pk.ToString("F0", inv) : "–";
            sb.AppendLine(string.Format(inv, "| {0} | {1} | {2} × {3} | {4:F1} | {5} | {6} | {7:F0} | {8} |",
                r.Graph, r.Model, r.Layers, r.Hidden, r.MedianMs, refMs, ratio, r.PeakRssMb, refPeak));
        }
        return sb.ToString();
    }
}
