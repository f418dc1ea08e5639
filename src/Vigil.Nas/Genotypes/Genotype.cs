using System.Text;
using Vigil.Nas.Cells;
using Vigil.Nas.Search;

namespace Vigil.Nas.Genotypes;

/// <summary>
/// A derived cell: for every intermediate node, its kept incoming edges (each an operation on an earlier state),
/// and how the cell combines its nodes. Every block of a <see cref="GenotypeNetwork"/> uses this cell.
/// </summary>
public sealed class Genotype : IEquatable<Genotype>
{
    /// <summary>Edges kept per node by <see cref="Derive"/>, as in DARTS.</summary>
    public const int EdgesPerNode = 2;

    public IReadOnlyList<IReadOnlyList<GenotypeEdge>> Nodes { get; }
    public CellCombine Combine { get; }
    public int Steps => Nodes.Count;

    public Genotype(IReadOnlyList<IReadOnlyList<GenotypeEdge>> nodes, CellCombine combine = CellCombine.Mean)
    {
        if (nodes.Count == 0) throw new ArgumentException("A genotype needs at least one intermediate node.");
        if (!Enum.IsDefined(combine)) throw new ArgumentException($"Unknown cell combine mode {(int)combine}.");
        for (int i = 0; i < nodes.Count; i++)
        {
            if (nodes[i] is null || nodes[i].Count == 0) throw new ArgumentException($"Genotype node {i} has no incoming edge.");
            for (int k = 0; k < nodes[i].Count; k++)
            {
                var edge = nodes[i][k] ?? throw new ArgumentException($"Genotype node {i}, edge {k} is missing.");
                if (string.IsNullOrWhiteSpace(edge.Operation))
                    throw new ArgumentException($"Genotype node {i}, edge {k} names no operation.");
                int states = CellTopology.EdgesInto(i);
                if (edge.Input < 0 || edge.Input >= states)
                    throw new ArgumentException($"Genotype node {i}, edge {k} reads state {edge.Input}, but node {i} can only read states 0…{states - 1}.");
            }
        }
        Nodes = nodes.Select(n => (IReadOnlyList<GenotypeEdge>)n.ToArray()).ToArray();
        Combine = combine;
    }

    /// <summary>
    /// DARTS derivation from operation weights (softmax(α), row-major [edges, operations], edges numbered as in
    /// <see cref="CellTopology"/>): per node, the <see cref="EdgesPerNode"/> incoming edges whose strongest
    /// operation other than "none" weighs most, each with that operation. Ties keep the lower index.
    /// </summary>
    public static Genotype Derive(ReadOnlySpan<float> weights, IReadOnlyList<string> operations, int steps, CellCombine combine = CellCombine.Mean)
    {
        CellTopology.RequireSteps(steps);
        int k = operations.Count;
        if (k == 0) throw new ArgumentException("Derivation needs at least one operation.");
        int edges = CellTopology.EdgeCount(steps);
        if (weights.Length != edges * k)
            throw new ArgumentException($"A cell with {steps} nodes has {edges} edges × {k} operations = {edges * k} weights, got {weights.Length}.");
        var nodes = new List<IReadOnlyList<GenotypeEdge>>(steps);
        for (int node = 0; node < steps; node++)
        {
            int first = CellTopology.FirstEdge(node);
            var candidates = new List<(int Input, int Op, float Weight)>();
            for (int j = 0; j < CellTopology.EdgesInto(node); j++)
            {
                var row = weights.Slice((first + j) * k, k);
                int op = StrongestOperation(row, operations);
                candidates.Add((j, op, row[op]));
            }
            // Stable sort: equal weights keep the lower input index first.
            var kept = candidates.OrderByDescending(c => c.Weight).Take(EdgesPerNode)
                .Select(c => new GenotypeEdge(operations[c.Op], c.Input)).ToArray();
            nodes.Add(kept);
        }
        return new Genotype(nodes, combine);
    }

    /// <summary>Index of the largest weight in <paramref name="row"/> whose operation is not "none" (first on ties).</summary>
    public static int StrongestOperation(ReadOnlySpan<float> row, IReadOnlyList<string> operations)
    {
        if (row.Length != operations.Count) throw new ArgumentException($"{row.Length} weights for {operations.Count} operations.");
        int best = -1;
        for (int o = 0; o < row.Length; o++)
        {
            if (operations[o] == SearchSpace.None) continue;
            if (best < 0 || row[o] > row[best]) best = o;
        }
        if (best < 0) throw new ArgumentException($"Every operation is '{SearchSpace.None}'; there is nothing to derive.");
        return best;
    }

    public string ToJson() => GenotypeJson.Serialize(this);
    public static Genotype FromJson(string json) => GenotypeJson.Deserialize(json);
    public void Save(string path) => File.WriteAllText(path, ToJson());
    public static Genotype Load(string path)
    {
        try { return FromJson(File.ReadAllText(path)); }
        catch (FormatException e) { throw new FormatException($"{path}: {e.Message}", e); }
    }

    /// <summary>One line per node, e.g. "node 2 = gcn(s1) + sage(s0)", then the combine mode.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < Nodes.Count; i++)
            sb.Append($"node {CellTopology.InputStates + i} = ").AppendJoin(" + ", Nodes[i]).AppendLine();
        sb.Append("output = ").Append(Combine == CellCombine.Mean ? "mean" : "concat+linear").Append(" of nodes ")
          .AppendJoin(", ", Enumerable.Range(CellTopology.InputStates, Nodes.Count));
        return sb.ToString();
    }

    public bool Equals(Genotype? other) =>
        other is not null && Combine == other.Combine && Nodes.Count == other.Nodes.Count &&
        Nodes.Zip(other.Nodes).All(p => p.First.SequenceEqual(p.Second));

    public override bool Equals(object? obj) => Equals(obj as Genotype);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Combine);
        foreach (var node in Nodes) foreach (var e in node) h.Add(e);
        return h.ToHashCode();
    }
}
