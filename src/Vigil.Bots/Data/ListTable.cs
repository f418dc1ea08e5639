using System.Runtime.InteropServices;
using Vigil.Bots.Data.Columns;

namespace Vigil.Bots.Data;

/// <summary>The Twitter lists of <c>list.json</c>, by column (counts <see cref="MissingCount"/> when absent).</summary>
public sealed class ListTable
{
    public const int MissingCount = -1;

    internal readonly List<long> CreatedAtColumn = new();
    internal readonly List<bool> PrivateColumn = new();
    internal readonly List<int> FollowerColumn = new();
    internal readonly List<int> MemberColumn = new();

    public ListTable() : this(indexed: true) { }

    /// <param name="indexed">False for a parallel reader's per-file part (see <see cref="IdIndex"/>).</param>
    internal ListTable(bool indexed) => Ids = new IdIndex(EntityKind.List, indexed);

    public IdIndex Ids { get; }
    public Utf8TextColumn Name { get; } = new();
    public Utf8TextColumn Description { get; } = new();

    public int Count => Ids.Count;
    public ReadOnlySpan<long> CreatedAt => CollectionsMarshal.AsSpan(CreatedAtColumn);
    public ReadOnlySpan<bool> Private => CollectionsMarshal.AsSpan(PrivateColumn);
    public ReadOnlySpan<int> FollowerCount => CollectionsMarshal.AsSpan(FollowerColumn);
    public ReadOnlySpan<int> MemberCount => CollectionsMarshal.AsSpan(MemberColumn);

    public int Add(ListRow list)
    {
        if (list.Id < 0) throw new ArgumentException($"List id {list.Id} is negative; ids are Twitter's non-negative digits.", nameof(list));
        if (!Ids.TryAdd(list.Id, out int existing))
            throw new ArgumentException($"List l{list.Id} is already row {existing}.", nameof(list));
        Name.Add(list.Name);
        Description.Add(list.Description);
        CreatedAtColumn.Add(TwiBotTime.FromDateTime(list.CreatedAt));
        PrivateColumn.Add(list.Private);
        FollowerColumn.Add(list.FollowerCount ?? MissingCount);
        MemberColumn.Add(list.MemberCount ?? MissingCount);
        return Count - 1;
    }

    public ListRow this[int row] => new(Ids[row])
    {
        Name = Name.GetString(row),
        Description = Description.GetString(row),
        CreatedAt = TwiBotTime.ToDateTime(CreatedAt[row]),
        Private = Private[row],
        FollowerCount = FollowerCount[row] == MissingCount ? null : FollowerCount[row],
        MemberCount = MemberCount[row] == MissingCount ? null : MemberCount[row],
    };

    public int IndexOf(long id) => Ids.IndexOf(id);

    /// <summary>Appends the fields (all but the ids, already added to <see cref="Ids"/>) of <paramref name="from"/>'s rows <paramref name="start"/> … <paramref name="start"/> + <paramref name="count"/> − 1.</summary>
    internal void AppendRowsOf(ListTable from, int start, int count)
    {
        Name.AddRangeFrom(from.Name, start, count);
        Description.AddRangeFrom(from.Description, start, count);
        CreatedAtColumn.AddRange(CollectionsMarshal.AsSpan(from.CreatedAtColumn).Slice(start, count));
        PrivateColumn.AddRange(CollectionsMarshal.AsSpan(from.PrivateColumn).Slice(start, count));
        FollowerColumn.AddRange(CollectionsMarshal.AsSpan(from.FollowerColumn).Slice(start, count));
        MemberColumn.AddRange(CollectionsMarshal.AsSpan(from.MemberColumn).Slice(start, count));
    }
}
