using System.Text.Json;

namespace Vigil.Safety.Training.Ladder;

/// <summary>
/// Reads one JSON object of a config with validation: every problem is a <see cref="LadderConfigException"/> naming the
/// source file and the JSON path of the field (<c>ladder.json: $.stages[1].group_size: …</c>).
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly JsonElement _element;

    public string Source { get; }
    public string At { get; }

    public JsonObjectReader(JsonElement element, string source, string at, params string[] allowed)
    {
        Source = source;
        At = at;
        if (element.ValueKind != JsonValueKind.Object) throw Error(at, $"expected an object, found {Kind(element)}");
        _element = element;
        foreach (var p in element.EnumerateObject())
            if (!allowed.Contains(p.Name, StringComparer.Ordinal))
                throw Error($"{at}.{p.Name}", $"unknown field; allowed here: {string.Join(", ", allowed)}");
    }

    public LadderConfigException Error(string at, string problem) => new($"{Source}: {at}: {problem}.");

    public bool Has(string name) => _element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    private string Path(string name) => $"{At}.{name}";

    public string String(string name)
    {
        if (!_element.TryGetProperty(name, out var v)) throw Error(At, $"missing \"{name}\"");
        if (v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString())) throw Error(Path(name), $"expected a non-empty string, found {Kind(v)}");
        return v.GetString()!;
    }

    public string? OptionalString(string name) => Has(name) ? String(name) : null;

    public string Choice(string name, string fallback, params string[] options)
    {
        var value = Has(name) ? String(name) : fallback;
        if (!options.Contains(value, StringComparer.Ordinal)) throw Error(Path(name), $"\"{value}\" is not one of {string.Join(", ", options)}");
        return value;
    }

    public int Int(string name, int fallback, int min = int.MinValue)
    {
        if (!Has(name)) return fallback;
        var v = _element.GetProperty(name);
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var i)) throw Error(Path(name), $"expected an integer, found {v.GetRawText()}");
        if (i < min) throw Error(Path(name), $"must be ≥ {min}, found {i}");
        return i;
    }

    public int RequiredInt(string name, int min)
    {
        if (!Has(name)) throw Error(At, $"missing \"{name}\"");
        return Int(name, 0, min);
    }

    public double Double(string name, double fallback, double min = double.NegativeInfinity, double max = double.PositiveInfinity, bool exclusiveMin = false)
    {
        if (!Has(name)) return fallback;
        var v = _element.GetProperty(name);
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var d) || !double.IsFinite(d)) throw Error(Path(name), $"expected a finite number, found {v.GetRawText()}");
        if (exclusiveMin ? d <= min : d < min) throw Error(Path(name), $"must be {(exclusiveMin ? ">" : "≥")} {min}, found {d}");
        if (d > max) throw Error(Path(name), $"must be ≤ {max}, found {d}");
        return d;
    }

    public bool Bool(string name, bool fallback)
    {
        if (!Has(name)) return fallback;
        var v = _element.GetProperty(name);
        if (v.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) throw Error(Path(name), $"expected true or false, found {v.GetRawText()}");
        return v.GetBoolean();
    }

    public JsonObjectReader? Object(string name, params string[] allowed) =>
        Has(name) ? new JsonObjectReader(_element.GetProperty(name), Source, Path(name), allowed) : null;

    /// <summary>The elements of a required, non-empty array.</summary>
    public IReadOnlyList<JsonElement> Array(string name)
    {
        if (!_element.TryGetProperty(name, out var v)) throw Error(At, $"missing \"{name}\"");
        if (v.ValueKind != JsonValueKind.Array) throw Error(Path(name), $"expected an array, found {Kind(v)}");
        var items = v.EnumerateArray().ToArray();
        if (items.Length == 0) throw Error(Path(name), "must not be empty");
        return items;
    }

    private static string Kind(JsonElement e) => e.ValueKind.ToString().ToLowerInvariant();
}
