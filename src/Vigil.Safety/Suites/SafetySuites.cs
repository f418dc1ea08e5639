using Vigil.Safety.Data;
using Vigil.Safety.Verification;

namespace Vigil.Safety.Suites;

/// <summary>
/// The prompt suites a policy is evaluated on, read from the data folder's <c>safety/</c> directory:
/// <list type="bullet">
/// <item><c>xstest</c>: <c>xstest/xstest_prompts.csv</c>, 250 safe prompts that merely look unsafe and 200 unsafe
/// contrast prompts (column <c>label</c>), category = XSTest <c>type</c> (e.g. <c>homonyms</c>, <c>contrast_homonyms</c>);
/// over-refusal is measured on the safe ones.</item>
/// <item><c>advbench</c>: <c>refusal-direction/raw/advbench.csv</c>, 520 harmful instructions (column <c>goal</c>),
/// all unsafe, category <c>advbench</c>; harmful compliance here is the attack success rate.</item>
/// <item><c>harmless</c>: <c>refusal-direction/splits/harmless_test.json</c>, harmless Alpaca instructions
/// (<c>instruction</c>), all safe, category <c>harmless</c>.</item>
/// </list>
/// A limit keeps a seeded random sample of that many prompts, in file order.
/// </summary>
public static class SafetySuites
{
    public const string XsTest = "xstest";
    public const string AdvBench = "advbench";
    public const string Harmless = "harmless";

    public static IReadOnlyList<string> Names { get; } = new[] { XsTest, AdvBench, Harmless };

    /// <summary>The file a suite is read from, under <paramref name="safetyDirectory"/>.</summary>
    public static string PathOf(string safetyDirectory, string suite) => Canonical(suite) switch
    {
        XsTest => Path.Combine(safetyDirectory, "xstest", "xstest_prompts.csv"),
        AdvBench => Path.Combine(safetyDirectory, "refusal-direction", "raw", "advbench.csv"),
        _ => Path.Combine(safetyDirectory, "refusal-direction", "splits", "harmless_test.json"),
    };

    /// <summary>Splits a comma-separated suite list ("xstest,advbench"), rejecting unknown and repeated names.</summary>
    public static IReadOnlyList<string> Parse(string list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Canonical).ToArray();
        if (names.Length == 0) throw new ArgumentException($"No suite named; choose from {string.Join(", ", Names)}.");
        var repeated = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new ArgumentException($"Suite '{repeated.Key}' is named twice.");
        return names;
    }

    /// <summary>
    /// The prompts of <paramref name="suite"/>; with <paramref name="limit"/> below the suite's size, a random sample of
    /// that many (seeded by <paramref name="seed"/>), kept in file order.
    /// </summary>
    public static IReadOnlyList<SuitePrompt> Load(string safetyDirectory, string suite, int? limit = null, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(safetyDirectory);
        if (limit is < 1) throw new ArgumentOutOfRangeException(nameof(limit), $"A suite limit must be at least 1, got {limit}.");
        var name = Canonical(suite);
        var path = PathOf(safetyDirectory, name);
        if (!File.Exists(path)) throw new FileNotFoundException($"The {name} suite's prompts are not at {path}.", path);
        var prompts = name switch
        {
            XsTest => ReadXsTest(path),
            AdvBench => ReadAdvBench(path),
            _ => ReadHarmless(path),
        };
        if (limit is not { } n || n >= prompts.Count) return prompts;
        var order = Enumerable.Range(0, prompts.Count).ToArray();
        new Random(seed).Shuffle(order);
        return order.Take(n).Order().Select(i => prompts[i]).ToArray();
    }

    private static string Canonical(string suite)
    {
        var name = (suite ?? "").Trim().ToLowerInvariant();
        if (!Names.Contains(name)) throw new ArgumentException($"Unknown suite '{suite}'; choose from {string.Join(", ", Names)}.");
        return name;
    }

    private static IReadOnlyList<SuitePrompt> ReadXsTest(string path) =>
        XsTestPromptFile.Read(path).Select((p, i) => new SuitePrompt(p.Text, p.Kind, XsTest, p.Type, i)).ToArray();

    private static IReadOnlyList<SuitePrompt> ReadAdvBench(string path)
    {
        var (header, rows) = CsvRecords.Read(path);
        int goal = Column(header, "goal", path);
        return rows.Select((row, i) => new SuitePrompt(NonEmpty(row.Fields[goal], path, $"line {row.Line}"), PromptKind.Unsafe, AdvBench, AdvBench, i)).ToArray();
    }

    private static IReadOnlyList<SuitePrompt> ReadHarmless(string path) =>
        InstructionSplitFile.Read(path).Select((text, i) => new SuitePrompt(text, PromptKind.Safe, Harmless, Harmless, i)).ToArray();

    private static int Column(IReadOnlyList<string> header, string name, string path)
    {
        for (int i = 0; i < header.Count; i++) if (string.Equals(header[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        throw new InvalidDataException($"{path}: no \"{name}\" column; the header has {string.Join(", ", header)}.");
    }

    private static string NonEmpty(string text, string path, string where) =>
        text.Trim().Length > 0 ? text : throw new InvalidDataException($"{path}, {where}: the prompt is empty.");
}
