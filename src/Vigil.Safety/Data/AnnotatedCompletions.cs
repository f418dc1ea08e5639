using Vigil.Safety.Labels;

namespace Vigil.Safety.Data;

/// <summary>
/// The annotated completions shipped under <c>safety/</c> of the shared data folder: every refusal-direction
/// <c>completions/&lt;model&gt;/*_evaluations.json</c> and every XSTest <c>xstest_v2_completions_*.csv</c>, each item
/// with its six-label target and its annotation-only target from <see cref="SafetyLabelMapping"/> (items without a
/// target are left out).
/// </summary>
public static class AnnotatedCompletions
{
    public sealed record Example(CompletionItem Item, SafetyLabel Target, SafetyLabel AnnotatedTarget, string File);

    /// <summary>The completions files under <paramref name="safetyDirectory"/> (the data folder's <c>safety/</c>), in a fixed order.</summary>
    public static IReadOnlyList<string> Files(string safetyDirectory)
    {
        var refusal = Path.Combine(safetyDirectory, "refusal-direction", "completions");
        var xstest = Path.Combine(safetyDirectory, "xstest");
        if (!Directory.Exists(refusal) && !Directory.Exists(xstest))
            throw new DirectoryNotFoundException($"{safetyDirectory}: neither refusal-direction/completions nor xstest is there.");
        var files = new List<string>();
        if (Directory.Exists(refusal)) files.AddRange(Directory.GetFiles(refusal, "*_evaluations.json", SearchOption.AllDirectories));
        if (Directory.Exists(xstest)) files.AddRange(Directory.GetFiles(xstest, "xstest_v2_completions_*.csv"));
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    public static IReadOnlyList<Example> Load(string safetyDirectory)
    {
        var examples = new List<Example>();
        foreach (var file in Files(safetyDirectory))
            foreach (var item in CompletionsFile.Read(file))
                if (SafetyLabelMapping.Target(item) is { } target)
                    examples.Add(new Example(item, target, SafetyLabelMapping.AnnotatedTarget(item)!.Value, file));
        return examples;
    }
}
