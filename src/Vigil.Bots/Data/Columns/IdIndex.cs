using System.Runtime.InteropServices;

namespace Vigil.Bots.Data.Columns;

/// <summary>
/// The ids of one entity kind in load order, and the map from an id's digits (a <see cref="long"/>) back to its
/// index: no id is kept as a string.
/// </summary>
public sealed class IdIndex
{
    private readonly List<long> _ids = new();
    // Null in an unindexed list (a parallel reader's per-file part): ids are only appended, and the dataset's own
    // index finds the repeats when the part is merged.
    private readonly LongIndexMap? _indexOf;

    public IdIndex(EntityKind kind) : this(kind, indexed: true) { }

    internal IdIndex(EntityKind kind, bool indexed)
    {
        Kind = kind;
        _indexOf = indexed ? new LongIndexMap() : null;
    }

    public EntityKind Kind { get; }
    public int Count => _ids.Count;

    /// <summary>The digits of the id at <paramref name="index"/>.</summary>
    public long this[int index] => _ids[index];

    public ReadOnlySpan<long> Ids => CollectionsMarshal.AsSpan(_ids);

    public bool Contains(long id) => Map.Get(id) >= 0;

    public bool TryGetIndex(long id, out int index) => (index = Map.Get(id)) >= 0;

    /// <summary>The index of the id, or −1 when it is not here.</summary>
    public int IndexOf(long id) => Map.Get(id);

    /// <summary>Appends an id; false (and the earlier index) when it is already here.</summary>
    public bool TryAdd(long id, out int index)
    {
        if (_indexOf is null) index = _ids.Count;
        else if (!_indexOf.TryAdd(id, _ids.Count, out index)) return false;
        _ids.Add(id);
        return true;
    }

    /// <summary>Makes room for <paramref name="count"/> ids in all, so a large load does not regrow the map and list.</summary>
    internal void Reserve(int count)
    {
        _ids.EnsureCapacity(count);
        _indexOf?.Reserve(count);
    }

    /// <summary>Removes every id of an unindexed list (a parallel reader's part, reused for the next file), keeping its capacity.</summary>
    internal void Clear()
    {
        if (_indexOf is not null) throw new InvalidOperationException("Only an unindexed id list is cleared.");
        _ids.Clear();
    }

    /// <summary>Asks the processor to bring the map's slot for <paramref name="id"/> into the cache ahead of a lookup or insert.</summary>
    internal void Prefetch(long id) => _indexOf?.Prefetch(id);

    private LongIndexMap Map => _indexOf ?? throw new InvalidOperationException("This id list is not indexed.");

    /// <summary>The prefixed id (e.g. <c>u123</c>) at <paramref name="index"/>.</summary>
    public string Format(int index) => TwiBotId.Format(Kind, _ids[index]);
}
