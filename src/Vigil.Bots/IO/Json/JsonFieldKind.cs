namespace Vigil.Bots.IO.Json;

/// <summary>What value a <see cref="JsonField"/> holds where it appears, which decides how it is parsed and checked.</summary>
internal enum JsonFieldKind : byte
{
    /// <summary>Not read at this place (nested keys at the top level, fields no table keeps).</summary>
    Ignored,
    /// <summary>The record's own prefixed id.</summary>
    RecordId,
    Text,
    /// <summary>A count: a number, or a numeric string in older sets.</summary>
    Integer,
    /// <summary>True/false, or "True"/"False" strings in older sets.</summary>
    Boolean,
    Timestamp,
    /// <summary>Another entity's id digits: a number or a string, with or without its letter.</summary>
    ForeignId,
    /// <summary>An object or array whose inside is read by position (public_metrics, entities, referenced_tweets).</summary>
    Container,
}
