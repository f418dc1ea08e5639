using System.Text.Json.Serialization;

namespace Vigil.Safety.Inference.Interactive;

/// <summary>What a person did to a trace (snake_case in JSON).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EditKind>))]
public enum EditKind
{
    /// <summary>Corrected the text of a proposed or earlier step.</summary>
    [JsonStringEnumMemberName("edit")]
    Edit,
    /// <summary>Replaced an earlier step with new text; everything after it was dropped.</summary>
    [JsonStringEnumMemberName("replace")]
    Replace,
    /// <summary>Wrote the next step themselves.</summary>
    [JsonStringEnumMemberName("insert")]
    Insert,
    /// <summary>Changed the proposed answer.</summary>
    [JsonStringEnumMemberName("edit_answer")]
    EditAnswer,
}

/// <summary>
/// One logged edit: when, to which prompt, which step (0-based; null for the answer), the kind, and the text before
/// (the proposal or the step replaced; empty for an insert) and after.
/// </summary>
public sealed record EditRecord(DateTimeOffset Timestamp, string Prompt, int? Step, EditKind Kind, string Before, string After);
