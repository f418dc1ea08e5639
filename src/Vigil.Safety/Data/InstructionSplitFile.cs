using System.Text.Json;

namespace Vigil.Safety.Data;

/// <summary>
/// Reads a refusal-direction prompt split (<c>splits/harmful_train.json</c> and the like): a JSON array of
/// <c>{"instruction": "...", "category": ...}</c>. Returns the instructions in file order; problems throw
/// <see cref="InvalidDataException"/> naming the file and the item.
/// </summary>
public static class InstructionSplitFile
{
    public static IReadOnlyList<string> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"Prompt split not found: {path}", path);
        JsonDocument document;
        try { document = JsonDocument.Parse(File.ReadAllBytes(path)); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}", e); }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array) throw new InvalidDataException($"{path}: expected a JSON array of {{\"instruction\": ...}} objects.");
            var prompts = new List<string>();
            int index = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("instruction", out var instruction)
                    || instruction.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(instruction.GetString()))
                    throw new InvalidDataException($"{path}: item {index}: expected an object with a non-empty \"instruction\" string.");
                prompts.Add(instruction.GetString()!);
                index++;
            }
            return prompts;
        }
    }
}
