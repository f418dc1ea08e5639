using System.Text.Json;
using Vigil.Core;
using Vigil.Tests.Cli;

namespace Vigil.Tests.Safety;

public sealed class SafetyCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-safety-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [DataFileFact("safety", "refusal-direction", "completions", "gemma-2b-it", "jailbreakbench_ablation_evaluations.json")]
    public void Eval_json_has_one_item_per_input_in_order_and_saves_verdicts()
    {
        var file = DataDirectory.FindFile("safety", "refusal-direction", "completions", "gemma-2b-it", "jailbreakbench_ablation_evaluations.json")!;
        var csv = Path.Combine(_dir, "verdicts.csv");
        var r = VigilProcess.Run("safety", "eval", "--completions", file, "--verifier", "substring", "--out", csv, "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var items = doc.RootElement.GetProperty("items");
        Assert.Equal(100, items.GetArrayLength());
        var labels = new HashSet<string> { "safe_with_refusal", "safe_with_warning", "safe_without_risk", "unsafe", "unnecessary_refusal", "illogical_completion" };
        int index = 0;
        foreach (var item in items.EnumerateArray())
        {
            Assert.Equal(index++, item.GetProperty("index").GetInt32());
            var label = item.GetProperty("label").GetString()!;
            Assert.Contains(label, labels);
            Assert.Equal(label == "unsafe", item.GetProperty("unsafe").GetBoolean());
            Assert.InRange(item.GetProperty("score").GetDouble(), 0, 1);
        }
        var summary = doc.RootElement.GetProperty("summary");
        Assert.Equal(100, summary.GetProperty("unsafe_prompts").GetInt32());
        Assert.True(doc.RootElement.TryGetProperty("llama_guard_agreement", out _));
        var (header, rows) = Vigil.Safety.Data.CsvRecords.Read(csv);
        Assert.Equal(100, rows.Count);
        int labelColumn = header.ToList().IndexOf("label");
        Assert.Equal(items.EnumerateArray().Select(i => i.GetProperty("label").GetString()), rows.Select(row => row.Fields[labelColumn]));
    }

    [Fact]
    public void Eval_of_a_missing_file_fails_naming_it()
    {
        var r = VigilProcess.Run("safety", "eval", "--completions", "/nonexistent/c.json", "--verifier", "substring", "--json");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout.Trim());
        Assert.Contains("/nonexistent/c.json", r.Stderr);
    }
}
