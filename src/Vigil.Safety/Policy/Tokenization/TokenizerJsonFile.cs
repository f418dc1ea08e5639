using System.Text.Json;

namespace Vigil.Safety.Policy.Tokenization;

/// <summary>
/// Reads and writes Hugging Face <c>tokenizer.json</c> files of byte-level BPE models (GPT-2, Qwen2, Llama 3 layout).
/// Read: <c>model.type</c> must be BPE with <c>vocab</c> and <c>merges</c> (either <c>"a b"</c> strings or
/// <c>["a","b"]</c> pairs); <c>added_tokens</c> with their <c>special</c> flag; <c>pre_tokenizer</c> ByteLevel (GPT-2's
/// regex when <c>use_regex</c>), Split (Isolated regex) or a Sequence of those; <c>normalizer</c> null or NFC. Anything
/// else this tokenizer cannot reproduce throws <see cref="InvalidDataException"/> naming the file and the JSON path.
/// A missing pre-tokenizer means GPT-2's regex.
/// </summary>
public static class TokenizerJsonFile
{
    public static BpeDefinition Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"tokenizer.json not found: {path}", path);
        return Parse(File.ReadAllBytes(path), path);
    }

    /// <param name="source">names the file in error messages</param>
    public static BpeDefinition Parse(ReadOnlySpan<byte> json, string source = "tokenizer.json")
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json.ToArray()); }
        catch (JsonException e) { throw new InvalidDataException($"{source}: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}", e); }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Bad(source, "$", "expected an object");
            if (!root.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.Object) throw Bad(source, "$.model", "missing");
            var type = model.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type != "BPE") throw Bad(source, "$.model.type", $"only BPE models are supported, found \"{type}\"");
            foreach (var (name, allowed) in new[] { ("continuing_subword_prefix", ""), ("end_of_word_suffix", "") })
                if (model.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() != allowed)
                    throw Bad(source, $"$.model.{name}", "word-piece affixes are not supported by byte-level BPE");
            if (model.TryGetProperty("byte_fallback", out var bf) && bf.ValueKind == JsonValueKind.True)
                throw Bad(source, "$.model.byte_fallback", "byte fallback (SentencePiece-style BPE) is not supported");
            return new BpeDefinition(Vocabulary(model, source), Merges(model, source), AddedTokens(root, source),
                PreTokenizer(root.TryGetProperty("pre_tokenizer", out var pre) ? pre : default, source, "$.pre_tokenizer") ?? PreTokenizerPatterns.Gpt2,
                Normalizer(root, source));
        }
    }

    private static Dictionary<string, int> Vocabulary(JsonElement model, string source)
    {
        if (!model.TryGetProperty("vocab", out var vocab) || vocab.ValueKind != JsonValueKind.Object) throw Bad(source, "$.model.vocab", "expected an object of token → id");
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in vocab.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Number || !entry.Value.TryGetInt32(out var id) || id < 0)
                throw Bad(source, $"$.model.vocab[\"{entry.Name}\"]", $"expected a non-negative integer id, found {entry.Value.GetRawText()}");
            if (!result.TryAdd(entry.Name, id)) throw Bad(source, $"$.model.vocab[\"{entry.Name}\"]", "token listed twice");
        }
        return result;
    }

    private static List<BpeMerge> Merges(JsonElement model, string source)
    {
        var merges = new List<BpeMerge>();
        if (!model.TryGetProperty("merges", out var list) || list.ValueKind == JsonValueKind.Null) return merges;
        if (list.ValueKind != JsonValueKind.Array) throw Bad(source, "$.model.merges", "expected an array");
        int i = 0;
        foreach (var item in list.EnumerateArray())
        {
            string at = $"$.model.merges[{i++}]";
            if (item.ValueKind == JsonValueKind.String)
            {
                var text = item.GetString()!;
                int space = text.IndexOf(' ');
                if (space <= 0 || space == text.Length - 1 || text.IndexOf(' ', space + 1) >= 0) throw Bad(source, at, $"expected \"left right\", found \"{text}\"");
                merges.Add(new BpeMerge(text[..space], text[(space + 1)..]));
            }
            else if (item.ValueKind == JsonValueKind.Array && item.GetArrayLength() == 2 && item[0].ValueKind == JsonValueKind.String && item[1].ValueKind == JsonValueKind.String)
                merges.Add(new BpeMerge(item[0].GetString()!, item[1].GetString()!));
            else throw Bad(source, at, $"expected \"left right\" or [\"left\", \"right\"], found {item.GetRawText()}");
        }
        return merges;
    }

    private static List<AddedToken> AddedTokens(JsonElement root, string source)
    {
        var tokens = new List<AddedToken>();
        if (!root.TryGetProperty("added_tokens", out var list) || list.ValueKind == JsonValueKind.Null) return tokens;
        if (list.ValueKind != JsonValueKind.Array) throw Bad(source, "$.added_tokens", "expected an array");
        int i = 0;
        foreach (var item in list.EnumerateArray())
        {
            string at = $"$.added_tokens[{i++}]";
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.Number || !id.TryGetInt32(out var value) || value < 0
                || !item.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(content.GetString()))
                throw Bad(source, at, "expected {\"id\": non-negative integer, \"content\": non-empty string, ...}");
            bool special = !item.TryGetProperty("special", out var s) || s.ValueKind != JsonValueKind.False;
            tokens.Add(new AddedToken(value, content.GetString()!, special));
        }
        return tokens;
    }

    /// <summary>The split regex of a pre-tokenizer, or null when it splits nothing (ByteLevel without regex, absent).</summary>
    private static string? PreTokenizer(JsonElement pre, string source, string at)
    {
        if (pre.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return null;
        var type = pre.TryGetProperty("type", out var t) ? t.GetString() : null;
        switch (type)
        {
            case "ByteLevel":
                if (pre.TryGetProperty("add_prefix_space", out var aps) && aps.ValueKind == JsonValueKind.True)
                    throw Bad(source, at + ".add_prefix_space", "a prefix space is not supported");
                return pre.TryGetProperty("use_regex", out var ur) && ur.ValueKind == JsonValueKind.False ? null : PreTokenizerPatterns.Gpt2;
            case "Split":
                if (pre.TryGetProperty("behavior", out var b) && b.GetString() != "Isolated") throw Bad(source, at + ".behavior", $"only the Isolated behaviour is supported, found \"{b.GetString()}\"");
                if (pre.TryGetProperty("invert", out var inv) && inv.ValueKind == JsonValueKind.True) throw Bad(source, at + ".invert", "inverted splits are not supported");
                if (!pre.TryGetProperty("pattern", out var pattern) || pattern.ValueKind != JsonValueKind.Object) throw Bad(source, at + ".pattern", "missing");
                if (pattern.TryGetProperty("Regex", out var regex) && regex.ValueKind == JsonValueKind.String) return regex.GetString();
                if (pattern.TryGetProperty("String", out var literal) && literal.ValueKind == JsonValueKind.String) return System.Text.RegularExpressions.Regex.Escape(literal.GetString()!);
                throw Bad(source, at + ".pattern", "expected {\"Regex\": …} or {\"String\": …}");
            case "Sequence":
                if (!pre.TryGetProperty("pretokenizers", out var list) || list.ValueKind != JsonValueKind.Array) throw Bad(source, at + ".pretokenizers", "missing");
                string? found = null;
                int i = 0;
                foreach (var item in list.EnumerateArray())
                {
                    var here = $"{at}.pretokenizers[{i++}]";
                    if (PreTokenizer(item, source, here) is not { } regex2) continue;
                    if (found is not null) throw Bad(source, here, "more than one splitting pre-tokenizer is not supported");
                    found = regex2;
                }
                return found;
            default:
                throw Bad(source, at + ".type", $"pre-tokenizer \"{type}\" is not supported (ByteLevel, Split, Sequence are)");
        }
    }

    private static bool Normalizer(JsonElement root, string source)
    {
        if (!root.TryGetProperty("normalizer", out var n) || n.ValueKind == JsonValueKind.Null) return false;
        var type = n.TryGetProperty("type", out var t) ? t.GetString() : null;
        return type == "NFC" ? true : throw Bad(source, "$.normalizer.type", $"normalizer \"{type}\" is not supported (null or NFC are)");
    }

    private static InvalidDataException Bad(string source, string at, string problem) => new($"{source}: {at}: {problem}.");

    /// <summary>Writes <paramref name="definition"/> as a tokenizer.json (Qwen2 layout: Split regex then ByteLevel, pair-array merges).</summary>
    public static void Write(BpeDefinition definition, string path)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("version", "1.0");
        w.WriteNull("truncation");
        w.WriteNull("padding");
        w.WriteStartArray("added_tokens");
        foreach (var token in definition.AddedTokens.OrderBy(a => a.Id))
        {
            w.WriteStartObject();
            w.WriteNumber("id", token.Id);
            w.WriteString("content", token.Content);
            w.WriteBoolean("single_word", false);
            w.WriteBoolean("lstrip", false);
            w.WriteBoolean("rstrip", false);
            w.WriteBoolean("normalized", false);
            w.WriteBoolean("special", token.Special);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (definition.NormalizeNfc) { w.WriteStartObject("normalizer"); w.WriteString("type", "NFC"); w.WriteEndObject(); }
        else w.WriteNull("normalizer");
        w.WriteStartObject("pre_tokenizer");
        w.WriteString("type", "Sequence");
        w.WriteStartArray("pretokenizers");
        w.WriteStartObject();
        w.WriteString("type", "Split");
        w.WriteStartObject("pattern"); w.WriteString("Regex", definition.PreTokenizerPattern); w.WriteEndObject();
        w.WriteString("behavior", "Isolated");
        w.WriteBoolean("invert", false);
        w.WriteEndObject();
        WriteByteLevel(w, null);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteNull("post_processor");
        WriteByteLevel(w, "decoder");
        w.WriteStartObject("model");
        w.WriteString("type", "BPE");
        w.WriteNull("dropout");
        w.WriteNull("unk_token");
        w.WriteNull("continuing_subword_prefix");
        w.WriteNull("end_of_word_suffix");
        w.WriteBoolean("fuse_unk", false);
        w.WriteBoolean("byte_fallback", false);
        w.WriteBoolean("ignore_merges", false);
        w.WriteStartObject("vocab");
        foreach (var (token, id) in definition.Vocabulary.OrderBy(p => p.Value)) w.WriteNumber(token, id);
        w.WriteEndObject();
        w.WriteStartArray("merges");
        foreach (var merge in definition.Merges)
        {
            w.WriteStartArray();
            w.WriteStringValue(merge.Left);
            w.WriteStringValue(merge.Right);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteByteLevel(Utf8JsonWriter w, string? property)
    {
        if (property is null) w.WriteStartObject(); else w.WriteStartObject(property);
        w.WriteString("type", "ByteLevel");
        w.WriteBoolean("add_prefix_space", false);
        w.WriteBoolean("trim_offsets", false);
        w.WriteBoolean("use_regex", false);
        w.WriteEndObject();
    }
}
