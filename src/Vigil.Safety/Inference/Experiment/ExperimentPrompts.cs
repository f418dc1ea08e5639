using System.Text.Json;
using Vigil.Safety.Data;
using Vigil.Safety.Verification;

namespace Vigil.Safety.Inference.Experiment;

/// <summary>
/// The prompt sets of the inference experiment: held-out harmful and harmless instructions (refusal-direction
/// <c>splits/harmful_test.json</c>, <c>harmless_test.json</c>) and XSTest's safe prompts, on which any refusal is an
/// over-refusal.
/// </summary>
public static class ExperimentPrompts
{
    public const string Harmful = "harmful";
    public const string Harmless = "harmless";
    public const string XsTestSafe = "xstest_safe";

    /// <summary>The first <paramref name="perSet"/> prompts of each set from the data folder (<c>safety/</c> under it).</summary>
    public static IReadOnlyList<ExperimentPrompt> Load(string dataRoot, int perSet)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perSet, 1);
        var splits = Path.Combine(dataRoot, "safety", "refusal-direction", "splits");
        return Instructions(Path.Combine(splits, "harmful_test.json"), Harmful, PromptKind.Unsafe).Take(perSet)
            .Concat(Instructions(Path.Combine(splits, "harmless_test.json"), Harmless, PromptKind.Safe).Take(perSet))
            .Concat(XsTestSafePrompts(Path.Combine(dataRoot, "safety", "xstest", "xstest_prompts.csv")).Take(perSet))
            .ToArray();
    }

    /// <summary>A refusal-direction split: a JSON array of objects with a string <c>instruction</c>.</summary>
    public static IReadOnlyList<ExperimentPrompt> Instructions(string path, string set, PromptKind kind)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        if (doc.RootElement.ValueKind != JsonValueKind.Array) throw new InvalidDataException($"{path}: expected a JSON array of {{\"instruction\": ...}} objects.");
        var prompts = new List<ExperimentPrompt>();
        int index = 0;
        foreach (var item in doc.RootElement.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("instruction", out var text) || text.ValueKind != JsonValueKind.String)
                throw new InvalidDataException($"{path}: item {index} has no string \"instruction\".");
            prompts.Add(new ExperimentPrompt(set, text.GetString()!, kind));
            index++;
        }
        return prompts;
    }

    /// <summary>XSTest's prompts labelled safe (<c>id,prompt,type,label,...</c>).</summary>
    public static IReadOnlyList<ExperimentPrompt> XsTestSafePrompts(string path)
    {
        var (header, rows) = CsvRecords.Read(path);
        int prompt = header.ToList().IndexOf("prompt"), label = header.ToList().IndexOf("label");
        if (prompt < 0 || label < 0) throw new InvalidDataException($"{path}: expected columns 'prompt' and 'label', found {string.Join(", ", header)}.");
        return rows.Where(r => r.Fields[label] == "safe").Select(r => new ExperimentPrompt(XsTestSafe, r.Fields[prompt], PromptKind.Safe)).ToArray();
    }
}
