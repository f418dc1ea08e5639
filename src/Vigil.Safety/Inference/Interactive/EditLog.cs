using System.Text.Json;

namespace Vigil.Safety.Inference.Interactive;

/// <summary>Appends edit records to a JSONL file, one object per line (snake_case keys), flushed as each edit happens.</summary>
public sealed class EditLog
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public EditLog(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
    }

    public string Path { get; }

    public void Append(EditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        File.AppendAllText(Path, JsonSerializer.Serialize(record, Json) + "\n");
    }

    public static IReadOnlyList<EditRecord> Read(string path)
    {
        var records = new List<EditRecord>();
        int number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try { records.Add(JsonSerializer.Deserialize<EditRecord>(line, Json) ?? throw new JsonException("null record")); }
            catch (JsonException e) { throw new InvalidDataException($"{path}:{number}: not an edit record ({e.Message})."); }
        }
        return records;
    }
}
