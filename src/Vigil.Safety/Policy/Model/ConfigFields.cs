using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Safety.Policy.Model;

/// <summary>Typed reads of config.json fields, each error naming the file and the field.</summary>
internal sealed class ConfigFields(JsonObject root, string source)
{
    public string RequiredString(string field) =>
        OptionalString(field) ?? throw TransformerConfig.Bad(source, field, "is missing");

    public string? OptionalString(string field) => Read(field, JsonValueKind.String, "a string", v => v.GetValue<string>());

    public int RequiredInt(string field) => OptionalInt(field) ?? throw TransformerConfig.Bad(source, field, "is missing");

    public int? OptionalInt(string field) => Read(field, JsonValueKind.Number, "an integer", ToInt(field));

    public double? OptionalDouble(string field) => Read(field, JsonValueKind.Number, "a number", v => (double?)v.GetValue<double>());

    public bool? OptionalBool(string field)
    {
        var node = root[field];
        if (node is null) return null;
        var kind = node.GetValueKind();
        if (kind != JsonValueKind.True && kind != JsonValueKind.False) throw TransformerConfig.Bad(source, field, $"must be true or false, got {node.ToJsonString()}");
        return kind == JsonValueKind.True;
    }

    /// <summary>An integer or a list of integers (eos_token_id is either); absent or null gives an empty list.</summary>
    public IReadOnlyList<int> IntOrIntList(string field)
    {
        var node = root[field];
        if (node is null) return Array.Empty<int>();
        if (node is JsonArray array)
            return array.Select(item => item is not null && item.GetValueKind() == JsonValueKind.Number
                ? ToInt(field)(item.AsValue())!.Value
                : throw TransformerConfig.Bad(source, field, $"must list integers, got {array.ToJsonString()}")).ToArray();
        return [Read(field, JsonValueKind.Number, "an integer or a list of integers", ToInt(field))!.Value];
    }

    private Func<JsonValue, int?> ToInt(string field) => value =>
    {
        double number = value.GetValue<double>();
        if (number != Math.Floor(number) || number < int.MinValue || number > int.MaxValue)
            throw TransformerConfig.Bad(source, field, $"must be an integer, got {value.ToJsonString()}");
        return (int)number;
    };

    private T? Read<T>(string field, JsonValueKind kind, string expected, Func<JsonValue, T?> convert)
    {
        var node = root[field];
        if (node is null) return default;
        if (node.GetValueKind() != kind) throw TransformerConfig.Bad(source, field, $"must be {expected}, got {node.ToJsonString()}");
        return convert(node.AsValue());
    }
}
