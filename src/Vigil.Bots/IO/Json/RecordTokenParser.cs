using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Vigil.Bots.Data;
using Vigil.Bots.Validation;

namespace Vigil.Bots.IO.Json;

/// <summary>
/// Turns the token stream of a TwiBot entity file (one JSON array of objects) into <see cref="RawRecord"/>s, one per
/// object, without building a document: each token is placed by its depth and the property names above it
/// (<c>[ { "public_metrics": { "followers_count": 3 } } ]</c> puts the count at depth 3 under public_metrics).
/// Fields of the wrong type are reported and left out; a record with a bad id is reported and dropped. After each
/// record it reads, the records that follow are tried with <see cref="RecordScanner"/> first, which reads the usual
/// shape straight from the bytes and leaves every record it cannot read without a problem to this parser.
/// </summary>
internal sealed class RecordTokenParser : IJsonTokenHandler
{
    private const int TrackedDepth = 8;

    private readonly JsonField[] _keys = new JsonField[TrackedDepth];
    private readonly byte[] _unescaped = new byte[128];
    private readonly RawRecord _record = new();
    private readonly string _file;
    private readonly EntityKind? _expectedKind;
    private readonly bool _keepTweetText;
    private readonly ProblemSink _problems;
    private readonly EntityRecordSink _sink;
    private readonly RecordScanner? _scanner;
    private byte[] _buffer = Array.Empty<byte>();
    private bool _inRecord, _ignoreRest, _recordEnded;
    private long _element;

    // The reader's state between two records of the array (depth 1, just after an object), with its counters at
    // line 0, byte 3: a reader restarted after the records the scanner read continues from it.
    private static readonly JsonReaderState BetweenRecords = StateAfter("[{}"u8);
    private const int BetweenRecordsInLine = 3;

    /// <param name="expectedKind">The kind every record must be (null in <c>node.json</c>, where the id's letter decides).</param>
    /// <param name="scan">Try the <see cref="RecordScanner"/> first (files of one kind only).</param>
    public RecordTokenParser(string file, EntityKind? expectedKind, bool keepTweetText, ProblemSink problems, EntityRecordSink sink, bool scan)
    {
        _file = file;
        _expectedKind = expectedKind;
        _keepTweetText = keepTweetText;
        _problems = problems;
        _sink = sink;
        // In node.json the kind comes from each id: only files of one kind are scanned.
        if (scan && expectedKind is { } kind) _scanner = new RecordScanner(_record, kind, keepTweetText, sink);
    }

    public void ReadTokens(ref Utf8JsonReader reader, JsonReadWindow window)
    {
        _buffer = window.Buffer;
        long bufferOffset = window.ReaderOffset;
        while (reader.Read())
        {
            if (_ignoreRest) continue;
            OnToken(ref reader, bufferOffset);
            if (_recordEnded)
            {
                _recordEnded = false;
                if (_scanner is not null && ScanRecords(ref reader, window)) bufferOffset = window.ReaderOffset;
            }
        }
    }

    // Reads the records after the one just ended with the scanner, as far as it can; true when it read any, and the
    // reader then restarts after them.
    private bool ScanRecords(ref Utf8JsonReader reader, JsonReadWindow window)
    {
        int start = window.ReaderStart + (int)reader.BytesConsumed, at = start;
        while (true)
        {
            int next = _scanner!.TryRecord(window.Buffer, at, window.Filled, window.BufferOffset);
            if (next < 0) break;
            _element++;
            _sink.Add(_record);
            at = next;
        }
        if (at == start) return false;
        window.Restart(ref reader, at, BetweenRecords, BetweenRecordsInLine);
        return true;
    }

    private static JsonReaderState StateAfter(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: false, new JsonReaderState(JsonFileStreamer.ReaderOptions));
        while (reader.Read()) { }
        return reader.CurrentState;
    }

    public void BufferMoving()
    {
        if (_inRecord) _record.DetachFromBuffer();
    }

    // Called for every token of a many-gigabyte file: kept in the caller's loop.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void OnToken(ref Utf8JsonReader reader, long bufferOffset)
    {
        int depth = reader.CurrentDepth;
        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName:
                if (depth < TrackedDepth) _keys[depth] = LookupName(ref reader);
                return;
            case JsonTokenType.StartObject:
                if (depth == 1) { BeginRecord(bufferOffset + reader.TokenStartIndex); return; }
                if (depth == 0) { NotAnArray(ref reader, bufferOffset); return; }
                if (!_inRecord) return;
                if (depth == 2) CheckContainer(ref reader, bufferOffset);
                else if (_keys[2] == JsonField.Entities) { if (CountEntity(depth)) reader.TrySkip(); }
                else if (depth == 3 && _keys[2] == JsonField.ReferencedTweets) _record.BeginReference();
                return;
            case JsonTokenType.EndObject:
                if (depth == 1) { if (_inRecord) EndRecord(); _recordEnded = true; }
                else if (depth == 3 && _inRecord && _keys[2] == JsonField.ReferencedTweets && !_record.EndReference())
                    WrongType(bufferOffset + reader.TokenStartIndex, JsonField.ReferencedTweets, "an entry without a type or an id", "{\"type\": …, \"id\": …}");
                return;
            case JsonTokenType.StartArray:
                if (depth == 1) { NotAnObject(ref reader, bufferOffset); return; }
                if (!_inRecord) return;
                if (depth == 2) CheckContainer(ref reader, bufferOffset);
                else if (_keys[2] == JsonField.Entities) { if (CountEntity(depth)) reader.TrySkip(); }
                else if (depth == 3 && _keys[2] == JsonField.ReferencedTweets) NotAReference(ref reader, bufferOffset);
                return;
            case JsonTokenType.EndArray:
                return;
            default:
                if (depth == 0) { NotAnArray(ref reader, bufferOffset); return; }
                if (depth == 1) { NotAnObject(ref reader, bufferOffset); return; }
                if (!_inRecord) return;
                if (depth == 2) SetField(_keys[2], ref reader, bufferOffset);
                else if (depth == 3 && _keys[2] == JsonField.PublicMetrics && JsonFields.IsMetric(_keys[3])) SetCount(_keys[3], ref reader, bufferOffset);
                else if (_keys[2] == JsonField.Entities) CountEntity(depth);
                else if (depth == 4 && _keys[2] == JsonField.ReferencedTweets) SetReferencePart(_keys[4], ref reader, bufferOffset);
                else if (depth == 3 && _keys[2] == JsonField.ReferencedTweets) NotAReference(ref reader, bufferOffset);
                return;
        }
    }

    private void BeginRecord(long offset)
    {
        _element++;
        _inRecord = true;
        _record.Reset(offset);
        for (int d = 2; d < TrackedDepth; d++) _keys[d] = JsonField.Unknown;
    }

    private void EndRecord()
    {
        _inRecord = false;
        if (_record.Rejected) return;
        if (!_record.HasId)
        {
            _problems.Add(DataProblem.InvalidId, DataPosition.AtOffset(_file, _record.StartOffset), $"element {_element} (the object at byte {_record.StartOffset}) has no \"id\"; it is skipped");
            return;
        }
        _sink.Add(_record);
    }

    // Tweets: entities.{hashtags,mentions,urls}[] items sit at depth 4. Users: entities.{url,description}.{urls,…}[] at depth 5.
    // Called for every value at those depths; the keys above tell the two shapes apart. True when the value was counted
    // as an item: only its number is kept, so a caller at an item's start may skip what is inside it (nothing below an
    // item is ever counted: the keys that select a count sit above it).
    private bool CountEntity(int depth)
    {
        if (depth == 4)
        {
            switch (_keys[3])
            {
                case JsonField.Hashtags: _record.TweetHashtags++; return true;
                case JsonField.Mentions: _record.TweetMentions++; return true;
                case JsonField.Urls: _record.TweetUrls++; return true;
            }
        }
        else if (depth == 5)
        {
            int slot = UserEntitySlot(_keys[3], _keys[4]);
            if (slot >= 0) { _record.UserEntities[slot]++; return true; }
        }
        return false;
    }

    private void CheckContainer(ref Utf8JsonReader reader, long bufferOffset)
    {
        var field = _keys[2];
        var kind = JsonFields.TopLevelKind(field);
        if (kind == JsonFieldKind.Ignored)
        {
            // A field no table keeps (context_annotations, geo, attachments, withheld in the real tweets): pass over it
            // in one call instead of visiting each token. TrySkip reads the same bytes with the same checks, so broken
            // JSON inside still fails at the same byte; when the value runs past the buffer it does nothing and the
            // tokens come one by one as before, all ignored.
            reader.TrySkip();
            return;
        }
        bool isObject = reader.TokenType == JsonTokenType.StartObject;
        // referenced_tweets is an array of objects; public_metrics and entities are objects.
        if (kind == JsonFieldKind.Container && isObject == (field != JsonField.ReferencedTweets)) return;
        long offset = bufferOffset + reader.TokenStartIndex;
        var found = isObject ? "an object" : "an array";
        if (kind == JsonFieldKind.RecordId) RejectId(offset, $"\"id\" is {found}, not a string id");
        else WrongType(offset, field, found, kind == JsonFieldKind.Container ? (isObject ? "an array" : "an object") : Expected(kind));
        // Nothing inside the misplaced value is read.
        _keys[2] = JsonField.Unknown;
    }

    private void NotAReference(ref Utf8JsonReader reader, long bufferOffset) =>
        WrongType(bufferOffset + reader.TokenStartIndex, JsonField.ReferencedTweets, $"a list holding {Describe(ref reader)}", "a list of {\"type\": …, \"id\": …} objects");

    private void SetField(JsonField field, ref Utf8JsonReader reader, long bufferOffset)
    {
        var kind = JsonFields.TopLevelKind(field);
        if (kind == JsonFieldKind.Ignored) return;
        var token = reader.TokenType;
        long offset = bufferOffset + reader.TokenStartIndex;
        switch (kind)
        {
            case JsonFieldKind.RecordId:
                SetId(ref reader, offset);
                return;
            case JsonFieldKind.Text:
                if (token == JsonTokenType.Null) _record.SetTextNull(field);
                else if (token != JsonTokenType.String) WrongType(offset, field, Describe(ref reader), "a string");
                else if (field == JsonField.Text && !_keepTweetText) _record.SetTextNull(field);
                else _record.SetText(field, ref reader, _buffer);
                return;
            case JsonFieldKind.Integer:
                SetCount(field, ref reader, bufferOffset);
                return;
            case JsonFieldKind.Boolean:
                if (token == JsonTokenType.Null) return;
                if (TryBoolean(ref reader, out bool flag)) _record.SetValue(field, flag ? 1 : 0);
                else WrongType(offset, field, Describe(ref reader), "true or false");
                return;
            case JsonFieldKind.Timestamp:
                if (token == JsonTokenType.Null) return;
                if (token == JsonTokenType.String && TwiBotTime.TryParse(Unescaped(ref reader), out long seconds))
                    _record.SetValue(field, seconds);
                else WrongType(offset, field, Describe(ref reader), "a date such as 2013-09-28 16:49:36+00:00");
                return;
            case JsonFieldKind.ForeignId:
                if (token == JsonTokenType.Null) return;
                if (TryForeignId(ref reader, out long id)) _record.SetValue(field, id);
                else WrongType(offset, field, Describe(ref reader), "an id (digits, with or without its letter)");
                return;
            case JsonFieldKind.Container:
                if (token != JsonTokenType.Null) WrongType(offset, field, Describe(ref reader), "an object or array");
                return;
        }
    }

    private void SetCount(JsonField field, ref Utf8JsonReader reader, long bufferOffset)
    {
        if (reader.TokenType == JsonTokenType.Null) return;
        if (TryCount(ref reader, out long count)) _record.SetValue(field, count);
        else WrongType(bufferOffset + reader.TokenStartIndex, field, Describe(ref reader), $"a count from 0 to {int.MaxValue}");
    }

    private void SetReferencePart(JsonField field, ref Utf8JsonReader reader, long bufferOffset)
    {
        if (field == JsonField.Type)
        {
            if (reader.TokenType == JsonTokenType.String && ReferencedTweetTypes.TryParse(Unescaped(ref reader), out var type))
                _record.SetReferenceType(type);
            else WrongType(bufferOffset + reader.TokenStartIndex, JsonField.ReferencedTweets, $"an entry whose type is {Describe(ref reader)}", "retweeted, quoted or replied_to");
        }
        else if (field == JsonField.Id)
        {
            if (TryForeignId(ref reader, out long id)) _record.SetReferenceId(id);
            else WrongType(bufferOffset + reader.TokenStartIndex, JsonField.ReferencedTweets, $"an entry whose id is {Describe(ref reader)}", "a tweet id");
        }
    }

    private void SetId(ref Utf8JsonReader reader, long offset)
    {
        long number = 0;
        EntityKind kind = default;
        bool ok = false;
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = Unescaped(ref reader);
            if (TwiBotId.TryParse(text, out kind, out number))
            {
                if (_expectedKind is { } expected && kind != expected)
                {
                    RejectId(offset, $"id \"{Encoding.UTF8.GetString(text)}\" is a {kind.NodeType()} id, but {_file} holds {expected.NodeType()}s");
                    return;
                }
                ok = true;
            }
            else if (_expectedKind is { } expected && TwiBotId.TryParseDigits(text, out number))
            {
                kind = expected;
                ok = true;
            }
        }
        else if (reader.TokenType == JsonTokenType.Number && _expectedKind is { } expected && reader.TryGetInt64(out number) && number >= 0)
        {
            kind = expected;
            ok = true;
        }
        if (ok)
        {
            _record.SetId(kind, number, offset);
            _sink.Prefetch(kind, number);
        }
        else RejectId(offset, $"\"id\" is {Describe(ref reader)}, not an id (a kind letter u/t/l/h and digits)");
    }

    private void RejectId(long offset, string message)
    {
        _record.Rejected = true;
        _problems.Add(DataProblem.InvalidId, DataPosition.AtOffset(_file, offset), $"element {_element}: {message}; the record is skipped");
    }

    private void WrongType(long offset, JsonField field, string found, string expected) =>
        _problems.Add(DataProblem.WrongFieldType, DataPosition.AtOffset(_file, offset),
            $"{RecordName()}: \"{JsonFields.Name(field)}\" is {found}, expected {expected}; the value is left out");

    private string RecordName() => _record.HasId ? TwiBotId.Format(_record.Kind, _record.Id) : $"element {_element} (the object at byte {_record.StartOffset})";

    private void NotAnArray(ref Utf8JsonReader reader, long bufferOffset)
    {
        _ignoreRest = true;
        _problems.Add(DataProblem.UnexpectedJsonShape, DataPosition.AtOffset(_file, bufferOffset + reader.TokenStartIndex),
            $"the file holds {Describe(ref reader)}, not an array of objects; nothing in it is read");
    }

    private void NotAnObject(ref Utf8JsonReader reader, long bufferOffset)
    {
        _element++;
        _problems.Add(DataProblem.UnexpectedJsonShape, DataPosition.AtOffset(_file, bufferOffset + reader.TokenStartIndex),
            $"element {_element} is {Describe(ref reader)}, not an object; it is skipped");
    }

    private JsonField LookupName(ref Utf8JsonReader reader) =>
        JsonFields.Lookup(reader.ValueIsEscaped ? Unescaped(ref reader) : reader.ValueSpan);

    // The unescaped bytes of a short string (a name, id, date, type); a longer escaped one comes back raw and fails its parse.
    private ReadOnlySpan<byte> Unescaped(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped || raw.Length > _unescaped.Length) return raw;
        return _unescaped.AsSpan(0, reader.CopyString(_unescaped));
    }

    private bool TryCount(ref Utf8JsonReader reader, out long count)
    {
        count = 0;
        if (reader.TokenType == JsonTokenType.Number) return reader.TryGetInt64(out count) && count is >= 0 and <= int.MaxValue;
        if (reader.TokenType != JsonTokenType.String) return false;
        var text = Unescaped(ref reader).Trim((byte)' ');
        return Utf8Parser.TryParse(text, out count, out int used) && used == text.Length && count is >= 0 and <= int.MaxValue;
    }

    private bool TryBoolean(ref Utf8JsonReader reader, out bool value)
    {
        value = reader.TokenType == JsonTokenType.True;
        if (reader.TokenType is JsonTokenType.True or JsonTokenType.False) return true;
        if (reader.TokenType != JsonTokenType.String) return false;
        var text = Unescaped(ref reader).Trim((byte)' ');
        if (Ascii.EqualsIgnoreCase(text, "true"u8) || text.SequenceEqual("1"u8)) { value = true; return true; }
        if (Ascii.EqualsIgnoreCase(text, "false"u8) || text.SequenceEqual("0"u8)) { value = false; return true; }
        return false;
    }

    private bool TryForeignId(ref Utf8JsonReader reader, out long id)
    {
        id = 0;
        if (reader.TokenType == JsonTokenType.Number) return reader.TryGetInt64(out id) && id >= 0;
        if (reader.TokenType != JsonTokenType.String) return false;
        var text = Unescaped(ref reader);
        if (text.Length > 1 && EntityKinds.TryFromPrefix(text[0], out _)) text = text[1..];
        return TwiBotId.TryParseDigits(text, out id);
    }

    private static string Expected(JsonFieldKind kind) => kind switch
    {
        JsonFieldKind.Text => "a string",
        JsonFieldKind.Integer => "a count",
        JsonFieldKind.Boolean => "true or false",
        JsonFieldKind.Timestamp => "a date",
        JsonFieldKind.ForeignId => "an id",
        _ => "a value",
    };

    /// <summary>A short description of the current token for messages: a string's text (cut at 40 characters) or the token kind.</summary>
    private static string Describe(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var text = reader.GetString() ?? "";
                return text.Length > 40 ? $"the string \"{text[..40]}…\"" : $"the string \"{text}\"";
            case JsonTokenType.Number:
                return $"the number {Encoding.UTF8.GetString(reader.ValueSpan)}";
            case JsonTokenType.True: return "true";
            case JsonTokenType.False: return "false";
            case JsonTokenType.Null: return "null";
            case JsonTokenType.StartObject: return "an object";
            case JsonTokenType.StartArray: return "an array";
            default: return reader.TokenType.ToString();
        }
    }

    /// <summary>
    /// Which count of <see cref="RawRecord.UserEntities"/> a user's <c>entities.{group}.{key}</c> array feeds (url.urls,
    /// description.urls, hashtags, mentions, cashtags), or -1 for any other array.
    /// </summary>
    internal static int UserEntitySlot(JsonField group, JsonField key) => (group, key) switch
    {
        (JsonField.Url, JsonField.Urls) => 0,
        (JsonField.Description, JsonField.Urls) => 1,
        (JsonField.Description, JsonField.Hashtags) => 2,
        (JsonField.Description, JsonField.Mentions) => 3,
        (JsonField.Description, JsonField.Cashtags) => 4,
        _ => -1,
    };
}
