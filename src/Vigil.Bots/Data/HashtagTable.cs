using Vigil.Bots.Data.Columns;

namespace Vigil.Bots.Data;

/// <summary>The hashtags of <c>hashtag.json</c>: an id and the tag text.</summary>
public sealed class HashtagTable
{
    public HashtagTable() : this(indexed: true) { }

    /// <param name="indexed">False for a parallel reader's per-file part (see <see cref="IdIndex"/>).</param>
    internal HashtagTable(bool indexed) => Ids = new IdIndex(EntityKind.Hashtag, indexed);

    public IdIndex Ids { get; }
    public Utf8TextColumn TagName { get; } = new();

    public int Count => Ids.Count;

    public int Add(long id, string? tagName)
    {
        if (id < 0) throw new ArgumentException($"Hashtag id {id} is negative; ids are Twitter's non-negative digits.", nameof(id));
        if (!Ids.TryAdd(id, out int existing))
            throw new ArgumentException($"Hashtag h{id} is already row {existing}.", nameof(id));
        TagName.Add(tagName);
        return Count - 1;
    }

    public int IndexOf(long id) => Ids.IndexOf(id);

    /// <summary>Appends the tag names of <paramref name="from"/>'s rows <paramref name="start"/> … <paramref name="start"/> + <paramref name="count"/> − 1 (their ids are already in <see cref="Ids"/>).</summary>
    internal void AppendRowsOf(HashtagTable from, int start, int count) => TagName.AddRangeFrom(from.TagName, start, count);
}
