using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Bots.Conversion;

/// <summary>One element of a raw TwiBot-20 file (<c>train.json</c>, <c>dev.json</c>, <c>test.json</c>, <c>support.json</c>, the public sample).</summary>
internal sealed class TwiBot20Record
{
    [JsonPropertyName("ID")] public string? Id { get; set; }
    /// <summary>API v1.1 profile fields, each a string with a trailing space (Python's <c>str(value) + " "</c>).</summary>
    [JsonPropertyName("profile")] public Dictionary<string, JsonElement>? Profile { get; set; }
    [JsonPropertyName("tweet")] public List<string?>? Tweet { get; set; }
    [JsonPropertyName("neighbor")] public TwiBot20Neighbors? Neighbor { get; set; }
    /// <summary>"1" for a bot, "0" for a human; absent in <c>support.json</c> and the sample.</summary>
    [JsonPropertyName("label")] public JsonElement Label { get; set; }
}

internal sealed class TwiBot20Neighbors
{
    [JsonPropertyName("following")] public List<string>? Following { get; set; }
    [JsonPropertyName("follower")] public List<string>? Follower { get; set; }
}
