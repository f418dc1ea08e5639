using System.Buffers;
using System.Text.Json;
using Vigil.Bots.Data;

namespace Vigil.Bots.IO.Json;

/// <summary>
/// The fast path of <see cref="RecordTokenParser"/>: reads one whole entity object straight from the buffer's bytes
/// into the <see cref="RawRecord"/>, without <see cref="Utf8JsonReader"/> and its per-token dispatch. It accepts only
/// records that the token parser would read without any problem, and fills the record with the same calls the token
/// parser makes for them. At the first byte it does not expect (a record cut by the buffer's end, an escaped property
/// name, a value of another type than usual, a number with a sign, fraction or exponent, a bad id, an empty object,
/// anything malformed) it gives up, having stored and reported nothing, and the token parser reads that record from
/// its start: problems, their positions and JSON errors stay exactly the token parser's.
/// </summary>
internal sealed class RecordScanner
{
    // What ends the plain run of a JSON string: its closing quote, an escape, or a control byte (invalid in a string).
    private static readonly SearchValues<byte> StringStops = SearchValues.Create(StringStopBytes());

    // Nesting this deep inside a skipped value is left to the token parser (its limit is 256 levels).
    private const int MaxSkipDepth = 64;

    // A count fits in an int; 10 digits may already overflow one and are checked.
    private const int MaxCountDigits = 10;

    // A numeric id has at most 19 digits (long.MaxValue has 19; a 19-digit one is checked against it): tweet ids are
    // 19 digits today, so a user's numeric pinned_tweet_id is one. Longer ones go to the token parser.
    private const int MaxIdDigits = 19;

    private readonly RawRecord _record;
    private readonly EntityKind _kind;
    private readonly bool _keepTweetText;
    private readonly EntityRecordSink _sink;
    private byte[] _b = Array.Empty<byte>();
    private int _end;
    private long _bufferOffset;

    /// <param name="kind">The kind every record of the file holds (the scanner is only used where the file decides it).</param>
    public RecordScanner(RawRecord record, EntityKind kind, bool keepTweetText, EntityRecordSink sink)
    {
        _record = record;
        _kind = kind;
        _keepTweetText = keepTweetText;
        _sink = sink;
    }

    /// <summary>
    /// Reads <c>, {…}</c> (with any whitespace) from <c>buffer[start..end)</c>, the place just after an earlier record's
    /// closing brace, into the record. Returns the index just past the new record's closing brace, or -1 when the token
    /// parser must read from <paramref name="start"/>.
    /// </summary>
    /// <param name="bufferOffset">File offset of <c>buffer[0]</c>.</param>
    public int TryRecord(byte[] buffer, int start, int end, long bufferOffset)
    {
        _b = buffer;
        _end = end;
        _bufferOffset = bufferOffset;
        int i = start;
        if (!SkipWhitespace(ref i) || _b[i] != ',') return -1;
        i++;
        if (!SkipWhitespace(ref i) || _b[i] != '{') return -1;
        _record.Reset(bufferOffset + i);
        i++;
        if (!SkipWhitespace(ref i) || _b[i] != '"') return -1;
        var field = JsonField.Unknown;
        while (true)
        {
            if (!ReadName(ref i, _nextTop, field, out field) || !ReadField(field, ref i) || !SkipWhitespace(ref i)) return -1;
            byte c = _b[i++];
            if (c == '}') break;
            if (c != ',' || !SkipWhitespace(ref i) || _b[i] != '"') return -1;
        }
        return _record.HasId ? i : -1;
    }

    // The value of a field of the entity object, as RecordTokenParser.SetField and CheckContainer read it.
    private bool ReadField(JsonField field, ref int i)
    {
        byte c = _b[i];
        switch (JsonFields.TopLevelKind(field))
        {
            case JsonFieldKind.Ignored:
                return SkipValue(ref i, 0);
            case JsonFieldKind.RecordId:
                return ReadId(ref i);
            case JsonFieldKind.Text:
                if (c == 'n') { if (!Literal(ref i, "null"u8)) return false; _record.SetTextNull(field); return true; }
                return c == '"' && ReadText(field, ref i);
            case JsonFieldKind.Integer:
                if (c == 'n') return Literal(ref i, "null"u8);
                if (!ReadCount(ref i, out long count)) return false;
                _record.SetValue(field, count);
                return true;
            case JsonFieldKind.Boolean:
                if (c == 'n') return Literal(ref i, "null"u8);
                if (c == 't') { if (!Literal(ref i, "true"u8)) return false; _record.SetValue(field, 1); return true; }
                if (c == 'f') { if (!Literal(ref i, "false"u8)) return false; _record.SetValue(field, 0); return true; }
                return false;
            case JsonFieldKind.Timestamp:
                if (c == 'n') return Literal(ref i, "null"u8);
                if (!PlainString(ref i, out int start, out int length) || !TwiBotTime.TryParse(_b.AsSpan(start, length), out long seconds)) return false;
                _record.SetValue(field, seconds);
                return true;
            case JsonFieldKind.ForeignId:
                if (c == 'n') return Literal(ref i, "null"u8);
                if (!ReadForeignId(ref i, out long id)) return false;
                _record.SetValue(field, id);
                return true;
            case JsonFieldKind.Container:
                if (c == 'n') return Literal(ref i, "null"u8);
                return field switch
                {
                    JsonField.PublicMetrics => c == '{' && ReadMetrics(ref i),
                    JsonField.Entities => c == '{' && ReadEntities(ref i),
                    JsonField.ReferencedTweets => c == '[' && ReadReferences(ref i),
                    _ => false,
                };
            default:
                return false;
        }
    }

    // RecordTokenParser.SetId for a string id of the file's kind, with or without its letter.
    private bool ReadId(ref int i)
    {
        long offset = _bufferOffset + i;
        if (_b[i] != '"' || !PlainString(ref i, out int start, out int length)) return false;
        var text = _b.AsSpan(start, length);
        long number;
        if (TwiBotId.TryParse(text, out var kind, out number))
        {
            if (kind != _kind) return false;
        }
        else if (!TwiBotId.TryParseDigits(text, out number)) return false;
        _record.SetId(_kind, number, offset);
        _sink.Prefetch(_kind, number);
        return true;
    }

    private bool ReadText(JsonField field, ref int i)
    {
        int quote = i;
        if (!String(ref i, out bool escaped)) return false;
        if (field == JsonField.Text && !_keepTweetText)
        {
            _record.SetTextNull(field);
            return true;
        }
        if (!escaped)
        {
            _record.SetText(field, _b, quote + 1, i - quote - 2);
            return true;
        }
        // Escapes are rare: a reader over just this string unescapes it exactly as the token parser's reader would.
        var reader = new Utf8JsonReader(_b.AsSpan(quote, i - quote), isFinalBlock: true, state: default);
        try { reader.Read(); }
        catch (JsonException) { return false; }
        _record.SetText(field, ref reader, _b);
        return true;
    }

    // public_metrics: the four counts of a user or a tweet; other keys are passed over, as the token parser ignores them.
    private bool ReadMetrics(ref int i)
    {
        i++;
        if (!SkipWhitespace(ref i)) return false;
        if (_b[i] == '}') { i++; return true; }
        var key = JsonField.Unknown;
        while (true)
        {
            if (!ReadName(ref i, _nextMetric, key, out key)) return false;
            if (JsonFields.IsMetric(key))
            {
                if (_b[i] == 'n') { if (!Literal(ref i, "null"u8)) return false; }
                else if (ReadCount(ref i, out long count)) _record.SetValue(key, count);
                else return false;
            }
            else if (!SkipValue(ref i, 1)) return false;
            if (!EndOfMember(ref i, (byte)'}', out bool done)) return false;
            if (done) return true;
        }
    }

    // entities: as RecordTokenParser.CountEntity counts them. A tweet's hashtags/mentions/urls arrays count their items;
    // a user's url/description objects hold urls/hashtags/mentions/cashtags arrays whose items count. Nothing else
    // below entities is counted, so any other key's value is passed over.
    private bool ReadEntities(ref int i)
    {
        i++;
        if (!SkipWhitespace(ref i)) return false;
        if (_b[i] == '}') { i++; return true; }
        var key = JsonField.Unknown;
        while (true)
        {
            if (!ReadName(ref i, _nextEntity, key, out key)) return false;
            switch (key)
            {
                case JsonField.Hashtags or JsonField.Mentions or JsonField.Urls:
                {
                    if (_b[i] != '[' || !CountItems(ref i, out int items)) return false;
                    if (key == JsonField.Hashtags) _record.TweetHashtags += items;
                    else if (key == JsonField.Mentions) _record.TweetMentions += items;
                    else _record.TweetUrls += items;
                    break;
                }
                case JsonField.Url or JsonField.Description:
                    if (_b[i] != '{' || !ReadUserEntityGroup(key, ref i)) return false;
                    break;
                default:
                    if (!SkipValue(ref i, 1)) return false;
                    break;
            }
            if (!EndOfMember(ref i, (byte)'}', out bool done)) return false;
            if (done) return true;
        }
    }

    private bool ReadUserEntityGroup(JsonField group, ref int i)
    {
        i++;
        if (!SkipWhitespace(ref i)) return false;
        if (_b[i] == '}') { i++; return true; }
        while (true)
        {
            if (!ReadName(ref i, out var key)) return false;
            int slot = RecordTokenParser.UserEntitySlot(group, key);
            if (slot >= 0)
            {
                if (_b[i] != '[' || !CountItems(ref i, out int items)) return false;
                _record.UserEntities[slot] += items;
            }
            else if (!SkipValue(ref i, 2)) return false;
            if (!EndOfMember(ref i, (byte)'}', out bool done)) return false;
            if (done) return true;
        }
    }

    // An array whose every item counts as one entity, whatever it holds.
    private bool CountItems(ref int i, out int items)
    {
        items = 0;
        i++;
        if (!SkipWhitespace(ref i)) return false;
        if (_b[i] == ']') { i++; return true; }
        while (true)
        {
            if (!SkipValue(ref i, 3)) return false;
            items++;
            if (!EndOfMember(ref i, (byte)']', out bool done)) return false;
            if (done) return true;
            if (!SkipWhitespace(ref i)) return false;
        }
    }

    // referenced_tweets: a list of {"type": …, "id": …} objects, each with both (other keys are ignored).
    private bool ReadReferences(ref int i)
    {
        i++;
        if (!SkipWhitespace(ref i)) return false;
        if (_b[i] == ']') { i++; return true; }
        while (true)
        {
            if (_b[i] != '{') return false;
            _record.BeginReference();
            i++;
            if (!SkipWhitespace(ref i) || _b[i] != '"') return false;
            var key = JsonField.Unknown;
            while (true)
            {
                if (!ReadName(ref i, _nextReference, key, out key)) return false;
                if (key == JsonField.Type)
                {
                    if (_b[i] != '"' || !PlainString(ref i, out int start, out int length)
                        || !ReferencedTweetTypes.TryParse(_b.AsSpan(start, length), out var type)) return false;
                    _record.SetReferenceType(type);
                }
                else if (key == JsonField.Id)
                {
                    if (!ReadForeignId(ref i, out long id)) return false;
                    _record.SetReferenceId(id);
                }
                else if (!SkipValue(ref i, 3)) return false;
                if (!EndOfMember(ref i, (byte)'}', out bool done)) return false;
                if (done) break;
            }
            if (!_record.EndReference()) return false;
            if (!EndOfMember(ref i, (byte)']', out bool last)) return false;
            if (last) return true;
            if (!SkipWhitespace(ref i)) return false;
        }
    }

    // After a member's value: whitespace, then a comma (and, in an object, whitespace and the next name's quote) or the
    // closing bracket. Leaves i at the next name or item.
    private bool EndOfMember(ref int i, byte close, out bool done)
    {
        done = false;
        if (!SkipWhitespace(ref i)) return false;
        byte c = _b[i++];
        if (c == close) { done = true; return true; }
        if (c != ',') return false;
        if (close == '}') return SkipWhitespace(ref i) && _b[i] == '"';
        return true;
    }

    // The name that followed each name last time, per kind of object (index 0: the first name, or the one after an
    // unknown name); files keep their fields in one order, so the next name is nearly always the one predicted.
    private readonly JsonField[] _nextTop = new JsonField[JsonFields.Count];
    private readonly JsonField[] _nextMetric = new JsonField[JsonFields.Count];
    private readonly JsonField[] _nextEntity = new JsonField[JsonFields.Count];
    private readonly JsonField[] _nextReference = new JsonField[JsonFields.Count];

    // ReadName, trying first whether the bytes at i are exactly the predicted name in quotes and its colon: such bytes
    // are a plain string that ReadName would look up as that name, so one comparison stands for the search for the
    // closing quote and the lookup. Otherwise ReadName reads the name, and the prediction after previous becomes it.
    private bool ReadName(ref int i, JsonField[] next, JsonField previous, out JsonField field)
    {
        field = next[(int)previous];
        if (field != JsonField.Unknown)
        {
            var quoted = JsonFields.QuotedName(field);
            if (_end - i > quoted.Length && _b.AsSpan(i, quoted.Length).SequenceEqual(quoted))
            {
                i += quoted.Length;
                return SkipWhitespace(ref i);
            }
        }
        if (!ReadName(ref i, out field)) return false;
        next[(int)previous] = field;
        return true;
    }

    // A property name without escapes, its colon and the whitespace after it: leaves i at the value.
    private bool ReadName(ref int i, out JsonField field)
    {
        field = JsonField.Unknown;
        if (!PlainString(ref i, out int start, out int length)) return false;
        field = JsonFields.Lookup(_b.AsSpan(start, length));
        if (!SkipWhitespace(ref i) || _b[i] != ':') return false;
        i++;
        return SkipWhitespace(ref i);
    }

    // A string with no escape (i at its opening quote): its content's place; i moves past the closing quote.
    private bool PlainString(ref int i, out int start, out int length)
    {
        start = i + 1;
        length = 0;
        if (_b[i] != '"') return false;
        int stop = _b.AsSpan(start, _end - start).IndexOfAny(StringStops);
        if (stop < 0 || _b[start + stop] != '"') return false;
        length = stop;
        i = start + stop + 1;
        return true;
    }

    // Any string (i at its opening quote), its escapes checked as JSON defines them; i moves past the closing quote.
    private bool String(ref int i, out bool escaped)
    {
        escaped = false;
        if (_b[i] != '"') return false;
        int p = i + 1;
        while (true)
        {
            if (p >= _end) return false;
            int stop = _b.AsSpan(p, _end - p).IndexOfAny(StringStops);
            if (stop < 0) return false;
            p += stop;
            byte c = _b[p];
            if (c == '"') { i = p + 1; return true; }
            if (c != '\\' || p + 1 >= _end) return false;
            escaped = true;
            switch (_b[p + 1])
            {
                case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                    p += 2;
                    break;
                case (byte)'u':
                    if (p + 6 > _end) return false;
                    for (int h = p + 2; h < p + 6; h++)
                        if (!char.IsAsciiHexDigit((char)_b[h])) return false;
                    p += 6;
                    break;
                default:
                    return false;
            }
        }
    }

    // A count as RecordTokenParser.TryCount takes a number: digits only, 0 to int.MaxValue.
    private bool ReadCount(ref int i, out long count)
    {
        if (!ReadDigits(ref i, MaxCountDigits, out count)) return false;
        return count <= int.MaxValue;
    }

    // Another entity's id as RecordTokenParser.TryForeignId reads it: a number, or a string of digits with or without a letter.
    private bool ReadForeignId(ref int i, out long id)
    {
        if (_b[i] != '"') return ReadDigits(ref i, MaxIdDigits, out id);
        id = 0;
        if (!PlainString(ref i, out int start, out int length)) return false;
        var text = _b.AsSpan(start, length);
        if (text.Length > 1 && EntityKinds.TryFromPrefix(text[0], out _)) text = text[1..];
        return TwiBotId.TryParseDigits(text, out id);
    }

    // A JSON number that is a plain non-negative integer (no sign, fraction or exponent, no leading zero) of at most
    // maxDigits digits and at most long.MaxValue (what Utf8JsonReader.TryGetInt64 accepts), followed by a byte that
    // cannot continue a number.
    private bool ReadDigits(ref int i, int maxDigits, out long value)
    {
        value = 0;
        // 19 decimal digits always fit in a ulong (at most 10^19 - 1 < 2^64).
        ulong digitsValue = 0;
        int start = i;
        while (i < _end && (uint)(_b[i] - '0') <= 9)
        {
            digitsValue = digitsValue * 10 + (uint)(_b[i] - '0');
            i++;
        }
        int digits = i - start;
        if (digits == 0 || digits > maxDigits || i >= _end || digitsValue > long.MaxValue) return false;
        if (digits > 1 && _b[start] == '0') return false;
        value = (long)digitsValue;
        byte next = _b[i];
        return next is not ((byte)'.' or (byte)'e' or (byte)'E');
    }

    private bool Literal(ref int i, ReadOnlySpan<byte> literal)
    {
        if (i + literal.Length >= _end || !_b.AsSpan(i, literal.Length).SequenceEqual(literal)) return false;
        i += literal.Length;
        return true;
    }

    // Any JSON value, checked as Utf8JsonReader checks it (strings, numbers, literals, nesting); nothing is kept.
    private bool SkipValue(ref int i, int depth)
    {
        if (i >= _end) return false;
        switch (_b[i])
        {
            case (byte)'"':
                return String(ref i, out _);
            case (byte)'t':
                return Literal(ref i, "true"u8);
            case (byte)'f':
                return Literal(ref i, "false"u8);
            case (byte)'n':
                return Literal(ref i, "null"u8);
            case (byte)'{':
            {
                if (depth >= MaxSkipDepth) return false;
                i++;
                if (!SkipWhitespace(ref i)) return false;
                if (_b[i] == '}') { i++; return true; }
                if (_b[i] != '"') return false;
                while (true)
                {
                    if (!String(ref i, out _) || !SkipWhitespace(ref i) || _b[i] != ':') return false;
                    i++;
                    if (!SkipWhitespace(ref i) || !SkipValue(ref i, depth + 1)) return false;
                    if (!EndOfMember(ref i, (byte)'}', out bool done)) return false;
                    if (done) return true;
                }
            }
            case (byte)'[':
            {
                if (depth >= MaxSkipDepth) return false;
                i++;
                if (!SkipWhitespace(ref i)) return false;
                if (_b[i] == ']') { i++; return true; }
                while (true)
                {
                    if (!SkipValue(ref i, depth + 1)) return false;
                    if (!EndOfMember(ref i, (byte)']', out bool done)) return false;
                    if (done) return true;
                    if (!SkipWhitespace(ref i)) return false;
                }
            }
            default:
                return SkipNumber(ref i);
        }
    }

    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, followed by a byte that cannot continue it.
    private bool SkipNumber(ref int i)
    {
        if (_b[i] == '-') i++;
        if (i >= _end) return false;
        if (_b[i] == '0') i++;
        else if (!Digits(ref i)) return false;
        if (i < _end && _b[i] == '.')
        {
            i++;
            if (!Digits(ref i)) return false;
        }
        if (i < _end && (_b[i] == 'e' || _b[i] == 'E'))
        {
            i++;
            if (i < _end && (_b[i] == '+' || _b[i] == '-')) i++;
            if (!Digits(ref i)) return false;
        }
        return i < _end && (uint)(_b[i] - '0') > 9;
    }

    private bool Digits(ref int i)
    {
        int start = i;
        while (i < _end && (uint)(_b[i] - '0') <= 9) i++;
        return i > start;
    }

    // JSON whitespace; false at the buffer's end or at a byte that is neither whitespace nor the start of a token.
    private bool SkipWhitespace(ref int i)
    {
        while (i < _end)
        {
            byte c = _b[i];
            if (c > ' ') return true;
            if (c is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')) return false;
            i++;
        }
        return false;
    }

    private static byte[] StringStopBytes()
    {
        var stops = new byte[0x20 + 2];
        for (int b = 0; b < 0x20; b++) stops[b] = (byte)b;
        stops[0x20] = (byte)'"';
        stops[0x21] = (byte)'\\';
        return stops;
    }
}
