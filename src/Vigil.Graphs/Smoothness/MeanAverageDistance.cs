using Vigil.Core.Sparse;

namespace Vigil.Graphs.Smoothness;

/// <summary>
/// Mean Average Distance (MAD) of node representations, after Chen et al., "Measuring and Relieving the
/// Over-smoothing Problem for Graph Neural Networks from the Topological View" (AAAI 2020). With cosine distances
/// D_ij = 1 − cos(h_i, h_j) and a 0/1 pair mask M, D^tgt = D ∘ M; each row's mean is the average of its non-zero
/// entries of D^tgt, and MAD is the average of the row means over rows with any non-zero entry — the rule of the
/// authors' reference <c>mad_value</c> (row sum over the count of non-zero entries, then the mean over rows whose
/// mean is non-zero). The diagonal is excluded (its distance is 0 in exact arithmetic).
/// <para>
/// <c>rows</c>, where accepted, restricts which nodes' row means are averaged (the reference code's
/// <c>target_idx</c>); pairs still reach every node. Results: 0 when the mask selects pairs whose distances are all
/// zero (complete over-smoothing), NaN when it selects no pair at all. Exact or sampled according to
/// <see cref="MadOptions"/>.
/// </para>
/// </summary>
public static class MeanAverageDistance
{
    /// <summary>MAD over all node pairs (M all ones).</summary>
    public static double Global(RepresentationMatrix h, int[]? rows = null, MadOptions? options = null) =>
        Run(h, rows, null, h.Rows, new AllPairsSelection(), options)[0];

    /// <summary>MAD over the pairs (i, j) with i in <paramref name="rows"/> (all when null) that <paramref name="includesPair"/> accepts.</summary>
    public static double Masked(RepresentationMatrix h, Func<int, int, bool> includesPair, int[]? rows = null, MadOptions? options = null) =>
        Run(h, rows, null, h.Rows, new PredicatePairSelection(includesPair), options)[0];

    /// <summary>
    /// MAD over pairs whose hop distance in <paramref name="adjacency"/> (edge direction ignored) lies in
    /// <paramref name="range"/>; an unbounded range includes unreachable pairs.
    /// </summary>
    public static double ByHops(RepresentationMatrix h, CsrMatrix adjacency, HopRange range, int[]? rows = null, MadOptions? options = null) =>
        Run(h, rows, null, h.Rows, HopSelection(h, adjacency, range), options)[0];

    /// <summary>
    /// MAD among <paramref name="nodes"/> only, over pairs of those nodes with different labels: how far apart the
    /// model keeps nodes it should tell apart. Every listed node must have a known label (≥ 0).
    /// </summary>
    public static double DifferentClass(RepresentationMatrix h, int[] labels, int[] nodes, MadOptions? options = null)
    {
        if (labels.Length != h.Rows) throw new ArgumentException($"There are {labels.Length} labels for {h.Rows} representation rows.");
        CheckNodes(nodes, h.Rows, "nodes");
        for (int k = 0; k < nodes.Length; k++)
            if (labels[nodes[k]] < 0) throw new ArgumentException($"Node {nodes[k]} at position {k} has unknown label {labels[nodes[k]]}.");
        return Run(h, nodes, nodes, nodes.Length, new DifferentLabelPairSelection(labels), options)[0];
    }

    internal static HopPairSelection HopSelection(RepresentationMatrix h, CsrMatrix adjacency, params HopRange[] ranges)
    {
        if (adjacency.Rows != h.Rows)
            throw new ArgumentException($"Adjacency has {adjacency.Rows} nodes but representations have {h.Rows} rows.");
        return new HopPairSelection(UndirectedNeighbours.Of(adjacency), ranges);
    }

    internal static (double[] Values, bool Sampled) RunWithMethod(RepresentationMatrix h, int[]? rows, int[]? columns,
        int columnCount, PairSelection selection, MadOptions? options)
    {
        options ??= MadOptions.Default;
        options.Validate();
        int[] rowList;
        if (rows is null)
        {
            rowList = new int[h.Rows];
            for (int i = 0; i < rowList.Length; i++) rowList[i] = i;
        }
        else
        {
            CheckNodes(rows, h.Rows, "rows");
            rowList = rows;
        }
        return options.UseExact(rowList.Length, columnCount)
            ? (ExactMad.Compute(h, rowList, columns, columnCount, selection), false)
            : (SampledMad.Compute(h, rowList, columns, columnCount, selection, options), true);
    }

    private static double[] Run(RepresentationMatrix h, int[]? rows, int[]? columns, int columnCount, PairSelection selection, MadOptions? options) =>
        RunWithMethod(h, rows, columns, columnCount, selection, options).Values;

    private static void CheckNodes(int[] nodes, int n, string what)
    {
        var seen = new bool[n];
        for (int k = 0; k < nodes.Length; k++)
        {
            int v = nodes[k];
            if ((uint)v >= (uint)n) throw new ArgumentOutOfRangeException(what, $"Node {v} at position {k} of {what} is outside [0, {n}).");
            if (seen[v]) throw new ArgumentException($"Node {v} at position {k} of {what} appears more than once.");
            seen[v] = true;
        }
    }
}
