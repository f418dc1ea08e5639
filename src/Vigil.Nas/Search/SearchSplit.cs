using Vigil.Graphs.Data;

namespace Vigil.Nas.Search;

/// <summary>The labelled nodes behind the weight step and the architecture step of a search.</summary>
public sealed record SearchSplit(int[] WeightNodes, int[] ArchitectureNodes)
{
    /// <summary>
    /// Splits <paramref name="trainingNodes"/> per class: a <paramref name="heldOutFraction"/> share of each class
    /// (rounded, at least one node when the class has two or more) goes to the architecture step, the rest to the
    /// weights. Reads only the training nodes' labels; deterministic in <paramref name="seed"/>.
    /// </summary>
    public static SearchSplit HoldOut(int[] trainingNodes, int[] labels, double heldOutFraction, int seed)
    {
        if (!(heldOutFraction > 0 && heldOutFraction < 1))
            throw new ArgumentException($"The held-out share of the training nodes must be in (0, 1), got {heldOutFraction}.");
        var byClass = new SortedDictionary<int, List<int>>();
        foreach (var v in trainingNodes)
        {
            if (labels[v] < 0) throw new ArgumentException($"Training node {v} has unknown label {labels[v]}.");
            if (!byClass.TryGetValue(labels[v], out var list)) byClass[labels[v]] = list = [];
            list.Add(v);
        }
        var rng = new SeededRandom(seed);
        var weights = new List<int>(); var architecture = new List<int>();
        foreach (var (_, members) in byClass)
        {
            var nodes = members.ToArray();
            rng.Shuffle(nodes.AsSpan());
            int held = nodes.Length < 2 ? 0 : Math.Clamp((int)Math.Round(nodes.Length * heldOutFraction), 1, nodes.Length - 1);
            architecture.AddRange(nodes.Take(held));
            weights.AddRange(nodes.Skip(held));
        }
        if (architecture.Count == 0)
            throw new ArgumentException($"No class has two training nodes, so none can be held out for the architecture step ({trainingNodes.Length} training nodes).");
        weights.Sort(); architecture.Sort();
        return new SearchSplit(weights.ToArray(), architecture.ToArray());
    }
}
