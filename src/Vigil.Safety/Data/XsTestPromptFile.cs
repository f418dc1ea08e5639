using Vigil.Safety.Verification;

namespace Vigil.Safety.Data;

/// <summary>
/// Reads XSTest's <c>xstest_prompts.csv</c> (columns <c>prompt</c>, <c>type</c>, <c>label</c> = safe | unsafe): the
/// 250 safe prompts that merely look harmful and their 200 unsafe contrasts. Problems throw
/// <see cref="InvalidDataException"/> naming the file and line.
/// </summary>
public static class XsTestPromptFile
{
    public sealed record Prompt(string Text, PromptKind Kind, string Type);

    public static IReadOnlyList<Prompt> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"XSTest prompts not found: {path}", path);
        var (header, rows) = CsvRecords.Read(path);
        int Column(string name) => header.ToList().IndexOf(name) is var i and >= 0 ? i
            : throw new InvalidDataException($"{path}: no \"{name}\" column; the header is {string.Join(",", header)}.");
        int prompt = Column("prompt"), type = Column("type"), label = Column("label");
        var prompts = new List<Prompt>(rows.Count);
        foreach (var row in rows)
        {
            var kind = row.Fields[label].Trim() switch
            {
                "safe" => PromptKind.Safe,
                "unsafe" => PromptKind.Unsafe,
                var other => throw new InvalidDataException($"{path}, line {row.Line}: label \"{other}\" is neither safe nor unsafe."),
            };
            if (string.IsNullOrWhiteSpace(row.Fields[prompt])) throw new InvalidDataException($"{path}, line {row.Line}: the prompt is empty.");
            prompts.Add(new Prompt(row.Fields[prompt], kind, row.Fields[type].Trim()));
        }
        return prompts;
    }
}
