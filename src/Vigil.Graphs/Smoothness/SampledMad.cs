namespace Vigil.Graphs.Smoothness;

/// <summary>The seeded MAD estimator described on <see cref="MadOptions"/>.</summary>
internal static class SampledMad
{
    public static double[] Compute(RepresentationMatrix h, int[] rows, int[]? columns, int columnCount,
        PairSelection selection, MadOptions options)
    {
        var rng = new Random(options.Seed);
        var acc = new MadAccumulator(selection.CategoryCount);
        // Partial Fisher–Yates: the first `sources` entries become a uniform sample without replacement.
        var pool = (int[])rows.Clone();
        int sources = Math.Min(options.SampledSources, pool.Length);
        for (int s = 0; s < sources; s++)
        {
            int j = s + rng.Next(pool.Length - s);
            (pool[s], pool[j]) = (pool[j], pool[s]);
        }
        var pairs = new SampledPairs();
        for (int s = 0; s < sources; s++)
        {
            int row = pool[s];
            selection.BeginRow(row);
            selection.SampleRow(row, columns, columnCount, rng, options.SampledPairsPerSource, pairs);
            var cols = pairs.Columns; var cats = pairs.Categories;
            for (int p = 0; p < cols.Length; p++) acc.Add(cats[p], h.CosineDistance(row, cols[p]));
            acc.EndRow();
        }
        return acc.Result();
    }
}
