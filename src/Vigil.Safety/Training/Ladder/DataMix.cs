namespace Vigil.Safety.Training.Ladder;

/// <summary>
/// Combines weighted sources into one training set whose share of each source follows the weights: with N items in
/// all, source i contributes round(N·wᵢ/Σw) items (at least one), drawn from it without replacement while it lasts,
/// then again in a new shuffle. Deterministic for a seed.
/// </summary>
public static class DataMix
{
    public static IReadOnlyList<T> Combine<T>(IReadOnlyList<(IReadOnlyList<T> Items, double Weight)> sources, int seed)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Count == 0) throw new ArgumentException("A data mix needs at least one source.", nameof(sources));
        if (sources.Count == 1) return sources[0].Items;
        int total = sources.Sum(s => s.Items.Count);
        double weights = sources.Sum(s => s.Weight);
        var mixed = new List<T>();
        for (int i = 0; i < sources.Count; i++)
        {
            var (items, weight) = sources[i];
            if (items.Count == 0) throw new ArgumentException($"Data source {i} is empty.", nameof(sources));
            int take = Math.Max(1, (int)Math.Round(total * weight / weights));
            var random = new Random(unchecked(seed * 31 + i));
            int[] order = Array.Empty<int>();
            for (int k = 0; k < take; k++)
            {
                if (k % items.Count == 0)
                {
                    order = Enumerable.Range(0, items.Count).ToArray();
                    random.Shuffle(order);
                }
                mixed.Add(items[order[k % items.Count]]);
            }
        }
        return mixed;
    }
}
