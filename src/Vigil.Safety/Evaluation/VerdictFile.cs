using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Vigil.Safety.Evaluation;

/// <summary>Saves per-item verdicts: <c>.csv</c> (RFC 4180, one row per item) or <c>.json</c> (an array of objects, snake_case).</summary>
public static class VerdictFile
{
    private static readonly string[] Columns =
        { "index", "model", "condition", "category", "prompt_kind", "label", "score", "unsafe", "unparseable", "rationale", "prompt", "response", "suite" };

    public static void Write(string path, IReadOnlyList<VerdictRow> rows)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(rows);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".csv": File.WriteAllText(path, ToCsv(rows), new UTF8Encoding(false)); break;
            case ".json":
                File.WriteAllText(path, JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
                break;
            default: throw new ArgumentException($"Cannot tell the verdict file format from '{path}'; use a .csv or .json name.", nameof(path));
        }
    }

    public static string ToCsv(IReadOnlyList<VerdictRow> rows)
    {
        var b = new StringBuilder();
        b.AppendJoin(',', Columns).Append('\n');
        foreach (var r in rows)
        {
            var fields = new[]
            {
                r.Index.ToString(CultureInfo.InvariantCulture), r.Model ?? "", r.Condition ?? "", r.Category ?? "", r.PromptKind, r.Label,
                r.Score.ToString("R", CultureInfo.InvariantCulture), r.Unsafe ? "true" : "false", r.Unparseable ? "true" : "false",
                r.Rationale, r.Prompt, r.Response, r.Suite ?? "",
            };
            b.AppendJoin(',', fields.Select(Quote)).Append('\n');
        }
        return b.ToString();
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";
}
