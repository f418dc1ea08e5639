using System.Text.Json;
using Vigil.Safety.Verification;

namespace Vigil.Safety.Data;

/// <summary>
/// Reads a file of existing completions in one of the two shipped layouts:
/// <list type="bullet">
/// <item>refusal-direction JSON: <c>{"completions": [{"prompt", "response", "category"?, "is_jailbreak_llamaguard2"?,
/// "is_jailbreak_substring_matching"?, "prompt_kind"?, "suite"?, "model"?}]}</c>. Prompts are unsafe in a <c>jailbreakbench_*</c>,
/// <c>harmful_*</c> or <c>advbench_*</c> file or when the item carries a Llama Guard verdict, safe in a
/// <c>harmless_*</c> file; an item's <c>"prompt_kind": "safe" | "unsafe"</c> overrides. The model is the folder's
/// name and the condition the middle of <c>&lt;suite&gt;_&lt;condition&gt;_evaluations.json</c>.</item>
/// <item>XSTest CSV: columns <c>prompt</c> and <c>completion</c> (or <c>response</c>), optional <c>type</c>
/// (<c>contrast_*</c> = unsafe, else safe) or <c>label</c> (safe/unsafe), <c>final_label</c> (human annotation).</item>
/// </list>
/// Problems throw <see cref="InvalidDataException"/> naming the file, the item or line, and what is wrong.
/// </summary>
public static class CompletionsFile
{
    public static IReadOnlyList<CompletionItem> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"Completions file not found: {path}", path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".json" => ReadJson(path),
            ".csv" => ReadCsv(path),
            _ => throw new InvalidDataException($"{path}: unknown completions layout; expected a refusal-direction .json or an XSTest .csv file."),
        };
    }

    private static IReadOnlyList<CompletionItem> ReadJson(string path)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(File.ReadAllBytes(path)); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}", e); }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("completions", out var list) || list.ValueKind != JsonValueKind.Array)
                throw new InvalidDataException($"{path}: expected an object with a \"completions\" array (the refusal-direction layout).");
            var name = Path.GetFileNameWithoutExtension(path);
            var fileKind = FileKind(name);
            var condition = ConditionOf(name);
            var model = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)));
            var items = new List<CompletionItem>(list.GetArrayLength());
            int index = 0;
            foreach (var element in list.EnumerateArray())
            {
                string where = $"{path}, completions[{index}]";
                if (element.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{where}: expected an object, found {element.ValueKind}.");
                var prompt = RequiredString(element, "prompt", where);
                var response = RequiredString(element, "response", where);
                var guard = OptionalFlag(element, "is_jailbreak_llamaguard2", where);
                var substring = OptionalFlag(element, "is_jailbreak_substring_matching", where);
                var kind = OptionalKind(element, where) ?? (fileKind != PromptKind.Unknown ? fileKind : guard is not null ? PromptKind.Unsafe : PromptKind.Unknown);
                items.Add(new CompletionItem(prompt, response)
                {
                    PromptKind = kind,
                    Category = element.TryGetProperty("category", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null,
                    Model = OptionalString(element, "model") ?? model,
                    Condition = condition,
                    Suite = OptionalString(element, "suite"),
                    Reference = new ReferenceJudgement { LlamaGuardUnsafe = guard, SubstringCompliant = substring },
                });
                index++;
            }
            return items;
        }
    }

    private static IReadOnlyList<CompletionItem> ReadCsv(string path)
    {
        var (header, rows) = CsvRecords.Read(path);
        int Column(params string[] names)
        {
            foreach (var n in names)
            {
                int i = Array.FindIndex(header.ToArray(), h => string.Equals(h, n, StringComparison.OrdinalIgnoreCase));
                if (i >= 0) return i;
            }
            return -1;
        }
        int prompt = Column("prompt"), completion = Column("completion", "response");
        if (prompt < 0 || completion < 0)
            throw new InvalidDataException($"{path}: an XSTest completions file needs \"prompt\" and \"completion\" columns; the header has {string.Join(", ", header)}.");
        int type = Column("type"), label = Column("label"), final = Column("final_label");
        var name = Path.GetFileNameWithoutExtension(path);
        const string prefix = "xstest_v2_completions_";
        var model = name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? name[prefix.Length..] : null;
        var items = new List<CompletionItem>(rows.Count);
        foreach (var row in rows)
        {
            string where = $"{path}, line {row.Line}";
            var kind = PromptKind.Unknown;
            if (label >= 0 && row.Fields[label].Trim().Length > 0) kind = ParseKind(row.Fields[label], where);
            else if (type >= 0) kind = row.Fields[type].StartsWith("contrast", StringComparison.OrdinalIgnoreCase) ? PromptKind.Unsafe : PromptKind.Safe;
            items.Add(new CompletionItem(row.Fields[prompt], row.Fields[completion])
            {
                PromptKind = kind,
                Category = type >= 0 ? row.Fields[type] : null,
                Model = model,
                Reference = new ReferenceJudgement { XsTest = final >= 0 ? ParseXsTest(row.Fields[final], where) : null },
            });
        }
        return items;
    }

    /// <summary>XSTest's <c>final_label</c> ("1_full_compliance", "2_full_refusal", "3_partial_refusal"); blank is null.</summary>
    public static XsTestLabel? ParseXsTest(string text, string where)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t.Length == 0) return null;
        if (t.EndsWith("full_compliance", StringComparison.Ordinal)) return XsTestLabel.FullCompliance;
        if (t.EndsWith("full_refusal", StringComparison.Ordinal)) return XsTestLabel.FullRefusal;
        if (t.EndsWith("partial_refusal", StringComparison.Ordinal)) return XsTestLabel.PartialRefusal;
        throw new InvalidDataException($"{where}: unknown final_label \"{text}\"; expected full_compliance, full_refusal or partial_refusal.");
    }

    private static PromptKind FileKind(string name)
    {
        var n = name.ToLowerInvariant();
        if (n.StartsWith("harmless", StringComparison.Ordinal)) return PromptKind.Safe;
        if (n.StartsWith("jailbreakbench", StringComparison.Ordinal) || n.StartsWith("harmful", StringComparison.Ordinal) || n.StartsWith("advbench", StringComparison.Ordinal)) return PromptKind.Unsafe;
        return PromptKind.Unknown;
    }

    private static string? ConditionOf(string name)
    {
        const string suffix = "_evaluations";
        if (!name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return null;
        var stem = name[..^suffix.Length];
        int underscore = stem.IndexOf('_');
        return underscore < 0 ? null : stem[(underscore + 1)..];
    }

    private static string RequiredString(JsonElement element, string property, string where)
    {
        if (!element.TryGetProperty(property, out var value)) throw new InvalidDataException($"{where}: missing \"{property}\".");
        if (value.ValueKind != JsonValueKind.String) throw new InvalidDataException($"{where}: \"{property}\" must be a string, found {value.ValueKind}.");
        return value.GetString()!;
    }

    private static bool? OptionalFlag(JsonElement element, string property, string where)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetInt32(out int n) && n is 0 or 1 => n == 1,
            _ => throw new InvalidDataException($"{where}: \"{property}\" must be 0, 1, true or false, found {value}."),
        };
    }

    private static string? OptionalString(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length > 0 ? value.GetString() : null;

    private static PromptKind? OptionalKind(JsonElement element, string where) =>
        element.TryGetProperty("prompt_kind", out var value) && value.ValueKind == JsonValueKind.String ? ParseKind(value.GetString()!, where) : null;

    private static PromptKind ParseKind(string text, string where) => text.Trim().ToLowerInvariant() switch
    {
        "safe" => PromptKind.Safe,
        "unsafe" => PromptKind.Unsafe,
        _ => throw new InvalidDataException($"{where}: prompt kind \"{text}\" is neither \"safe\" nor \"unsafe\"."),
    };
}
