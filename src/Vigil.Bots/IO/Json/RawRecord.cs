using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using Vigil.Bots.Data;

namespace Vigil.Bots.IO.Json;

/// <summary>
/// The fields of the one entity object being parsed, reused from object to object: numbers in one slot per field,
/// texts as places in the read buffer (or, when escaped or when the buffer is about to be refilled, copied into one
/// scratch buffer), so that most texts are copied once, into their column. The whole object is seen before it goes
/// into a table, since its id (and in <c>node.json</c> its kind) may come after other fields.
/// </summary>
internal sealed class RawRecord
{
    private byte[] _scratch = new byte[4096];
    private int _used;
    private readonly int[] _textStart = new int[JsonFields.Count];
    private readonly int[] _textLength = new int[JsonFields.Count];
    private readonly long[] _values = new long[JsonFields.Count];
    private ulong _present;
    // Texts still in the read buffer (not yet in the scratch), and that buffer.
    private ulong _inBuffer;
    private byte[]? _buffer;

    private bool _referenceOpen;
    private ReferencedTweetType? _referenceType;
    private long? _referenceId;

    /// <summary>User entity counts: url.urls, description.urls, .hashtags, .mentions, .cashtags.</summary>
    public readonly int[] UserEntities = new int[5];
    public int TweetHashtags, TweetMentions, TweetUrls;
    public readonly List<ReferencedTweet> References = new();

    public long StartOffset { get; private set; }
    public bool HasId { get; private set; }
    public EntityKind Kind { get; private set; }
    public long Id { get; private set; }
    /// <summary>Set when a problem (an invalid id) means the record must not be stored; it was already reported.</summary>
    public bool Rejected { get; set; }
    /// <summary>Byte offset of the record's <c>id</c> value, for problems about the id.</summary>
    public long IdOffset { get; private set; }

    public void Reset(long startOffset)
    {
        StartOffset = startOffset;
        IdOffset = startOffset;
        _used = 0;
        _present = 0;
        _inBuffer = 0;
        HasId = false;
        Rejected = false;
        Array.Clear(UserEntities);
        TweetHashtags = TweetMentions = TweetUrls = 0;
        References.Clear();
        _referenceOpen = false;
    }

    public bool Has(JsonField field) => ((_present >> (int)field) & 1) != 0;

    public long Value(JsonField field) => _values[(int)field];

    public void SetValue(JsonField field, long value)
    {
        _values[(int)field] = value;
        _present |= 1UL << (int)field;
    }

    public void SetId(EntityKind kind, long id, long offset)
    {
        Kind = kind;
        Id = id;
        HasId = true;
        IdOffset = offset;
    }

    /// <summary>
    /// Takes the reader's current string value as the field's text: its place in <paramref name="buffer"/> (the array the
    /// reader reads) when it has no escapes, else a copy, unescaped, in the scratch.
    /// </summary>
    public void SetText(JsonField field, ref Utf8JsonReader reader, byte[] buffer)
    {
        var raw = reader.ValueSpan;
        ulong bit = 1UL << (int)field;
        _present |= bit;
        if (!reader.ValueIsEscaped)
        {
            _buffer = buffer;
            _inBuffer |= bit;
            _textStart[(int)field] = raw.IsEmpty ? 0 : (int)Unsafe.ByteOffset(ref MemoryMarshal.GetArrayDataReference(buffer), ref MemoryMarshal.GetReference(raw));
            _textLength[(int)field] = raw.Length;
            return;
        }
        _inBuffer &= ~bit;
        EnsureScratch(raw.Length);
        int length = Unescape(ref reader);
        _textStart[(int)field] = _used;
        _textLength[(int)field] = length;
        _used += length;
    }

    /// <summary>Takes <c>buffer[start..start+length)</c>, a string's content without escapes, as the field's text.</summary>
    public void SetText(JsonField field, byte[] buffer, int start, int length)
    {
        ulong bit = 1UL << (int)field;
        _present |= bit;
        _buffer = buffer;
        _inBuffer |= bit;
        _textStart[(int)field] = start;
        _textLength[(int)field] = length;
    }

    /// <summary>Copies the texts still in the read buffer into the scratch: the buffer is about to be refilled.</summary>
    public void DetachFromBuffer()
    {
        for (ulong pending = _inBuffer; pending != 0; pending &= pending - 1)
        {
            int field = BitOperations.TrailingZeroCount(pending);
            int length = _textLength[field];
            EnsureScratch(length);
            _buffer.AsSpan(_textStart[field], length).CopyTo(_scratch.AsSpan(_used));
            _textStart[field] = _used;
            _used += length;
        }
        _inBuffer = 0;
    }

    private void EnsureScratch(int more)
    {
        if (_scratch.Length - _used < more) Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _used + more));
    }

    public void SetTextNull(JsonField field)
    {
        _textLength[(int)field] = -1;
        _present |= 1UL << (int)field;
        _inBuffer &= ~(1UL << (int)field);
    }

    /// <summary>The field's text; false when it is absent or null.</summary>
    public bool TryGetText(JsonField field, out ReadOnlySpan<byte> utf8)
    {
        if (!Has(field) || _textLength[(int)field] < 0) { utf8 = default; return false; }
        var source = ((_inBuffer >> (int)field) & 1) != 0 ? _buffer! : _scratch;
        utf8 = source.AsSpan(_textStart[(int)field], _textLength[(int)field]);
        return true;
    }

    public void BeginReference()
    {
        _referenceOpen = true;
        _referenceType = null;
        _referenceId = null;
    }

    public void SetReferenceType(ReferencedTweetType type) => _referenceType = type;

    public void SetReferenceId(long id) => _referenceId = id;

    /// <summary>Closes the open <c>referenced_tweets</c> entry; false when it lacked a type or an id.</summary>
    public bool EndReference()
    {
        if (!_referenceOpen) return true;
        _referenceOpen = false;
        if (_referenceType is not { } type || _referenceId is not { } id) return false;
        References.Add(new ReferencedTweet(type, id));
        return true;
    }

    private int Unescape(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.CopyString(_scratch.AsSpan(_used));
        }
        catch (InvalidOperationException)
        {
            return LenientJsonUnescape.Unescape(reader.ValueSpan, _scratch.AsSpan(_used));
        }
    }
}
