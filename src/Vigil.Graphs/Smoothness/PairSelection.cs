namespace Vigil.Graphs.Smoothness;

/// <summary>
/// The mask M of MAD, generalised to several disjoint masks evaluated in one pass (MADGap needs two): for a row
/// node, each candidate column node gets a category, 0 for "not selected" and 1…<see cref="CategoryCount"/> for
/// the mask that selects the pair. The diagonal is excluded by the engines, not here.
/// </summary>
internal abstract class PairSelection
{
    public abstract int CategoryCount { get; }

    /// <summary>Prepares for the pairs of <paramref name="row"/> (e.g. a breadth-first search from it).</summary>
    public abstract void BeginRow(int row);

    /// <summary>Category of the pair (current row, <paramref name="column"/>).</summary>
    public abstract byte CategoryOf(int column);

    /// <summary>
    /// Categories of the current row's pairs with every candidate column (node <c>columns[c]</c>, or c when
    /// <paramref name="columns"/> is null), for the exact engine. Overridden where a whole row is cheaper at once.
    /// </summary>
    public virtual void CategorizeRow(int[]? columns, Span<byte> categories)
    {
        for (int c = 0; c < categories.Length; c++) categories[c] = CategoryOf(columns?[c] ?? c);
    }

    /// <summary>
    /// Pairs of the current row for the sampled estimator: all candidates when there are at most
    /// <paramref name="perSource"/>, else that many uniform draws (with replacement), keeping selected ones.
    /// </summary>
    public virtual void SampleRow(int row, int[]? columns, int columnCount, Random rng, int perSource, SampledPairs pairs)
    {
        pairs.Clear();
        if (columnCount <= perSource)
        {
            for (int c = 0; c < columnCount; c++)
            {
                int node = columns?[c] ?? c;
                byte cat = CategoryOf(node);
                if (cat != 0 && node != row) pairs.Add(node, cat);
            }
            return;
        }
        for (int s = 0; s < perSource; s++)
        {
            int pick = rng.Next(columnCount);
            int node = columns?[pick] ?? pick;
            byte cat = CategoryOf(node);
            if (cat != 0 && node != row) pairs.Add(node, cat);
        }
    }
}
