using System.Text.Json;
using Vigil.Safety.Policy;
using Vigil.Safety.Training.Grpo;
using Vigil.Safety.Training.Sft;
using Vigil.Safety.Verification;

namespace Vigil.Safety.Training.Ladder;

/// <summary>
/// Reads a stage's JSONL sources and turns them into trainer inputs through the policy's tokenizer and chat template.
/// An SFT response is followed by the template's end-of-turn text and, unless that already ends with it, the
/// tokenizer's end-of-sequence id, so the policy learns to stop.
/// </summary>
public static class LadderData
{
    public static IReadOnlyList<SftExample> Sft(LadderStage stage, ITextTokenizer tokenizer, ChatTemplate template, int seed)
    {
        var sources = stage.Data.Select(d => ((IReadOnlyList<SftExample>)Read(d.Path, (line, at) =>
        {
            var prompt = Field(line, "prompt", d.Path, at) ?? throw new InvalidDataException($"{d.Path}:{at}: missing \"prompt\".");
            var response = Field(line, "response", d.Path, at) ?? throw new InvalidDataException($"{d.Path}:{at}: missing \"response\".");
            var promptIds = tokenizer.Encode(template.Prompt(prompt)).ToArray();
            var responseIds = tokenizer.Encode(response + template.StopText).ToList();
            if (responseIds.Count == 0 || responseIds[^1] != tokenizer.EndOfSequenceId) responseIds.Add(tokenizer.EndOfSequenceId);
            return new SftExample(promptIds, responseIds.ToArray());
        }), d.Weight)).ToArray();
        return DataMix.Combine(sources, seed);
    }

    public static IReadOnlyList<GrpoPrompt> Grpo(LadderStage stage, ITextTokenizer tokenizer, ChatTemplate template, int seed)
    {
        var sources = stage.Data.Select(d => ((IReadOnlyList<GrpoPrompt>)Read(d.Path, (line, at) =>
        {
            var prompt = Field(line, "prompt", d.Path, at) ?? throw new InvalidDataException($"{d.Path}:{at}: missing \"prompt\".");
            var label = Field(line, "label", d.Path, at) ?? d.Label
                ?? throw new InvalidDataException($"{d.Path}:{at}: no \"label\", and the stage's data source gives none.");
            var kind = Field(line, "prompt_kind", d.Path, at) switch
            {
                null => PromptKind.Unknown,
                "safe" => PromptKind.Safe,
                "unsafe" => PromptKind.Unsafe,
                "unknown" => PromptKind.Unknown,
                var other => throw new InvalidDataException($"{d.Path}:{at}: prompt_kind \"{other}\" is not safe, unsafe or unknown."),
            };
            return new GrpoPrompt(prompt, tokenizer.Encode(template.Prompt(prompt)).ToArray(), label)
            {
                Reference = Field(line, "reference", d.Path, at),
                PromptKind = kind,
            };
        }), d.Weight)).ToArray();
        return DataMix.Combine(sources, seed);
    }

    private static List<T> Read<T>(string path, Func<JsonElement, int, T> convert)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Stage data not found: {path}", path);
        var items = new List<T>();
        int lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonDocument doc;
            try { doc = JsonDocument.Parse(line); }
            catch (JsonException e) { throw new InvalidDataException($"{path}:{lineNumber}: not valid JSON: {e.Message}", e); }
            using (doc)
            {
                if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{path}:{lineNumber}: expected a JSON object.");
                items.Add(convert(doc.RootElement, lineNumber));
            }
        }
        if (items.Count == 0) throw new InvalidDataException($"{path}: holds no examples.");
        return items;
    }

    private static string? Field(JsonElement line, string name, string path, int at)
    {
        if (!line.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.String) throw new InvalidDataException($"{path}:{at}: \"{name}\" must be a string.");
        return v.GetString();
    }
}
