using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Safety.Training;

/// <summary>
/// Appends one JSON object per line (snake_case) and flushes each, so a crashed run keeps every finished step. A
/// resumed run first keeps only the lines whose <c>step</c> is at most the checkpoint's (a torn last line goes too).
/// </summary>
public sealed class JsonlLogWriter : IDisposable
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly StreamWriter _writer;

    public string Path { get; }

    public JsonlLogWriter(string path, int? keepThroughStep = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
        if (System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) is { } dir) Directory.CreateDirectory(dir);
        if (keepThroughStep is { } last && File.Exists(path))
            File.WriteAllLines(path, File.ReadAllLines(path).Where(line => StepOf(line) is { } s && s <= last));
        else if (keepThroughStep is null && File.Exists(path)) File.Delete(path);
        _writer = new StreamWriter(path, append: true);
    }

    public void Write<T>(T record)
    {
        _writer.WriteLine(JsonSerializer.Serialize(record, Json));
        _writer.Flush();
    }

    private static int? StepOf(string line)
    {
        if (string.IsNullOrWhiteSpace(line)) return null;
        try
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.TryGetProperty("step", out var s) && s.TryGetInt32(out var v) ? v : null;
        }
        catch (JsonException) { return null; }
    }

    public void Dispose() => _writer.Dispose();
}
