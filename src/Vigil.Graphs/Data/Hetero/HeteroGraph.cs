using Vigil.Core.Sparse;

namespace Vigil.Graphs.Data.Hetero;

/// <summary>
/// A heterogeneous graph: several node types (each numbered from 0, optionally with features) and typed
/// relations between them, each a CSR matrix with targets as rows and sources as columns. One node type can carry
/// labels and a split (e.g. TwiBot-22's users). <see cref="RelationsWithin"/> gives the per-relation adjacencies
/// over one node type that a relational GCN consumes; <see cref="ToGraph"/> flattens them into a plain
/// <see cref="Graph"/> for homogeneous models.
/// </summary>
public sealed class HeteroGraph
{
    private readonly Dictionary<string, NodeSet> _nodeSets = new(StringComparer.Ordinal);
    private readonly List<NodeSet> _nodeSetOrder = new();
    private readonly List<Relation> _relations = new();
    private readonly Dictionary<string, NodeLabels> _labels = new(StringComparer.Ordinal);

    public string Name { get; }
    public IReadOnlyList<NodeSet> NodeSets => _nodeSetOrder;
    public IReadOnlyList<Relation> Relations => _relations;

    public HeteroGraph(string name) => Name = name;

    public NodeSet AddNodeType(string name, int count, FeatureMatrix? features = null)
    {
        if (string.IsNullOrEmpty(name)) throw new ArgumentException("A node type needs a name.", nameof(name));
        if (count < 0) throw new ArgumentException($"Node type '{name}' cannot have {count} nodes.", nameof(count));
        if (features is not null && features.Rows != count)
            throw new ArgumentException($"Node type '{name}' has {count} nodes but {features.Rows} feature rows.", nameof(features));
        var set = new NodeSet(name, count, features);
        if (!_nodeSets.TryAdd(name, set)) throw new ArgumentException($"Node type '{name}' already exists in '{Name}'.", nameof(name));
        _nodeSetOrder.Add(set);
        return set;
    }

    /// <summary>Adds a relation given as a CSR matrix of shape (target count) × (source count).</summary>
    public Relation AddRelation(string source, string relation, string target, CsrMatrix adjacency)
    {
        var (s, t) = (NodeSet(source), NodeSet(target));
        if (adjacency.Rows != t.Count || adjacency.Cols != s.Count)
            throw new ArgumentException($"Relation ({source})-[{relation}]->({target}) needs a {t.Count}×{s.Count} (targets × sources) matrix, got {adjacency.Rows}×{adjacency.Cols}.", nameof(adjacency));
        var type = new RelationType(source, relation, target);
        if (_relations.Exists(r => r.Type == type)) throw new ArgumentException($"Relation {type} already exists in '{Name}'.", nameof(relation));
        var rel = new Relation(type, adjacency);
        _relations.Add(rel);
        return rel;
    }

    /// <summary>Adds a relation from edge lists (sourceIds[e] → targetIds[e]); repeated edges are kept once.</summary>
    public Relation AddRelation(string source, string relation, string target, ReadOnlySpan<int> sourceIds, ReadOnlySpan<int> targetIds)
    {
        var (s, t) = (NodeSet(source), NodeSet(target));
        if (sourceIds.Length != targetIds.Length)
            throw new ArgumentException($"Relation ({source})-[{relation}]->({target}) has {sourceIds.Length} sources but {targetIds.Length} targets.");
        for (int e = 0; e < sourceIds.Length; e++)
        {
            if ((uint)sourceIds[e] >= (uint)s.Count)
                throw new ArgumentException($"Relation ({source})-[{relation}]->({target}): source {sourceIds[e]} of edge {e} is not a '{source}' node (0…{s.Count - 1}).");
            if ((uint)targetIds[e] >= (uint)t.Count)
                throw new ArgumentException($"Relation ({source})-[{relation}]->({target}): target {targetIds[e]} of edge {e} is not a '{target}' node (0…{t.Count - 1}).");
        }
        var coo = CsrMatrix.FromCoo(t.Count, s.Count, targetIds, sourceIds);
        return AddRelation(source, relation, target, CsrPatternUnion.Build(t.Count, s.Count, new[] { coo }));
    }

    public void SetLabels(string nodeType, NodeLabels labels)
    {
        int n = NodeSet(nodeType).Count;
        foreach (var (len, what) in new[] { (labels.Labels.Length, "labels"), (labels.TrainMask.Length, "train mask"),
                     (labels.ValMask.Length, "validation mask"), (labels.TestMask.Length, "test mask") })
            if (len != n) throw new ArgumentException($"Node type '{nodeType}' has {n} nodes but its {what} has {len} entries.", nameof(labels));
        _labels[nodeType] = labels;
    }

    public NodeSet NodeSet(string name) => _nodeSets.TryGetValue(name, out var s) ? s
        : throw new KeyNotFoundException($"'{Name}' has no node type '{name}' (it has: {string.Join(", ", _nodeSets.Keys)}).");

    /// <summary>The one relation with this name; throws when none or several (then name it by its full type).</summary>
    public Relation Relation(string relationName)
    {
        var matches = _relations.FindAll(r => r.Type.Relation == relationName);
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new KeyNotFoundException($"'{Name}' has no relation '{relationName}' (it has: {string.Join(", ", _relations.Select(r => r.Type))})."),
            _ => throw new InvalidOperationException($"'{Name}' has several relations named '{relationName}': {string.Join(", ", matches.Select(r => r.Type))}; give the full type."),
        };
    }

    public Relation Relation(string source, string relationName, string target)
    {
        var type = new RelationType(source, relationName, target);
        return _relations.Find(r => r.Type == type)
            ?? throw new KeyNotFoundException($"'{Name}' has no relation {type}.");
    }

    public IReadOnlyList<Relation> RelationsBetween(string source, string target) =>
        _relations.FindAll(r => r.Type.Source == source && r.Type.Target == target);

    /// <summary>
    /// The relations from <paramref name="nodeType"/> to itself, all square over the same node set: the
    /// per-relation adjacency list of a relational GCN, in the order the relations were added.
    /// </summary>
    public IReadOnlyList<Relation> RelationsWithin(string nodeType)
    {
        NodeSet(nodeType);
        return RelationsBetween(nodeType, nodeType);
    }

    public bool HasLabels(string nodeType) => _labels.ContainsKey(nodeType);

    public NodeLabels LabelsOf(string nodeType) => _labels.TryGetValue(nodeType, out var l) ? l
        : throw new KeyNotFoundException($"Node type '{nodeType}' of '{Name}' has no labels.");

    /// <summary>
    /// A homogeneous graph on one node type: the union of the chosen relations within it (all of them when
    /// <paramref name="relationNames"/> is null) as one unweighted simple adjacency, made symmetric when asked,
    /// with that type's features and labels. Unlabelled types get −1 labels and empty masks.
    /// </summary>
    public Graph ToGraph(string nodeType, IEnumerable<string>? relationNames = null, bool symmetrize = false)
    {
        var set = NodeSet(nodeType);
        if (set.Features is null) throw new InvalidOperationException($"Node type '{nodeType}' of '{Name}' has no features, which a Graph needs.");
        var within = RelationsWithin(nodeType);
        IReadOnlyList<Relation> chosen = within;
        if (relationNames is not null)
        {
            chosen = relationNames.Select(name => within.FirstOrDefault(r => r.Type.Relation == name)
                ?? throw new KeyNotFoundException($"'{Name}' has no relation '{name}' from '{nodeType}' to itself (it has: {string.Join(", ", within.Select(r => r.Type.Relation))}).")).ToList();
        }
        var parts = chosen.Select(r => r.Adjacency).ToList();
        if (symmetrize) parts.AddRange(chosen.Select(r => r.Adjacency.Transpose()));
        var adjacency = CsrPatternUnion.Build(set.Count, set.Count, parts);

        var labels = _labels.TryGetValue(nodeType, out var l) ? l
            : new NodeLabels(Enumerable.Repeat(-1, set.Count).ToArray(), 0, new bool[set.Count], new bool[set.Count], new bool[set.Count]);
        var relations = string.Join("+", chosen.Select(r => r.Type.Relation));
        return new Graph($"{Name}/{nodeType}[{relations}{(symmetrize ? ", symmetric" : "")}]", adjacency, set.Features,
            labels.Labels, labels.TrainMask, labels.ValMask, labels.TestMask, labels.NumClasses);
    }

    public override string ToString() =>
        $"HeteroGraph '{Name}': {string.Join(", ", _nodeSetOrder.Select(s => $"{s.Count} {s.Name}"))}; " +
        $"{string.Join(", ", _relations.Select(r => $"{r.Type} {r.NumEdges}"))}";
}
