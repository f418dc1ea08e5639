using System.Runtime.InteropServices;

namespace Vigil.Bots.Data;

/// <summary>
/// The edges of one relation, in the paper's direction: <see cref="Sources"/>[e] is a row of the relation's source
/// table, <see cref="Targets"/>[e] a row of its target table (<see cref="BotRelations.SourceKind"/>, <see cref="BotRelations.TargetKind"/>).
/// Edges keep file order; repeats are kept (the graph view merges them).
/// </summary>
public sealed class EdgeList
{
    private readonly List<int> _sources = new();
    private readonly List<int> _targets = new();

    public EdgeList(BotRelation relation) => Relation = relation;

    public BotRelation Relation { get; }
    public int Count => _sources.Count;
    public ReadOnlySpan<int> Sources => CollectionsMarshal.AsSpan(_sources);
    public ReadOnlySpan<int> Targets => CollectionsMarshal.AsSpan(_targets);

    public void Add(int source, int target)
    {
        if (source < 0 || target < 0)
            throw new ArgumentOutOfRangeException(nameof(source), $"Edge {source} → {target} of '{Relation.Name()}' has a negative row.");
        _sources.Add(source);
        _targets.Add(target);
    }
}
