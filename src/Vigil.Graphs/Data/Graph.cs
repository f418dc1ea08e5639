using Vigil.Core.Sparse;

namespace Vigil.Graphs.Data;

/// <summary>
/// A homogeneous attributed graph: CSR adjacency (row = destination, column = source; values are edge weights
/// or null), node features, integer labels (−1 where unknown) and boolean train/validation/test masks.
/// </summary>
public sealed class Graph
{
    public string Name { get; }
    public CsrMatrix Adjacency { get; }
    public FeatureMatrix Features { get; }
    public int[] Labels { get; }
    public int NumClasses { get; }
    public bool[] TrainMask { get; }
    public bool[] ValMask { get; }
    public bool[] TestMask { get; }
    /// <summary>
    /// Where the train/validation/test masks came from, e.g. "stored masks" or a generated per-class split with
    /// its seed, so a reported accuracy can say which split it is on.
    /// </summary>
    public string SplitDescription { get; init; } = "given masks";
    public int NumNodes => Adjacency.Rows;
    public int NumEdges => Adjacency.Nnz;

    public Graph(string name, CsrMatrix adjacency, FeatureMatrix features, int[] labels,
        bool[] trainMask, bool[] valMask, bool[] testMask, int? numClasses = null)
    {
        if (adjacency.Rows != adjacency.Cols)
            throw new ArgumentException($"Graph '{name}': adjacency must be square, got {adjacency.Rows}×{adjacency.Cols}.");
        int n = adjacency.Rows;
        if (features.Rows != n) throw new ArgumentException($"Graph '{name}': {features.Rows} feature rows for {n} nodes.");
        if (labels.Length != n) throw new ArgumentException($"Graph '{name}': {labels.Length} labels for {n} nodes.");
        foreach (var (mask, what) in new[] { (trainMask, "train"), (valMask, "validation"), (testMask, "test") })
            if (mask.Length != n) throw new ArgumentException($"Graph '{name}': {what} mask has {mask.Length} entries for {n} nodes.");
        Name = name; Adjacency = adjacency; Features = features; Labels = labels;
        TrainMask = trainMask; ValMask = valMask; TestMask = testMask;
        NumClasses = numClasses ?? (labels.Length == 0 ? 0 : labels.Max() + 1);
    }

    /// <summary>
    /// Edge homophily: the fraction of stored edges whose two ends have the same known label (edges touching an
    /// unknown, −1, label are not counted); NaN when no edge qualifies.
    /// </summary>
    public double EdgeHomophily()
    {
        var rows = Adjacency.RowIndices();
        long same = 0, counted = 0;
        for (int e = 0; e < Adjacency.Nnz; e++)
        {
            int a = Labels[rows[e]], b = Labels[Adjacency.ColIdx[e]];
            if (a < 0 || b < 0) continue;
            counted++;
            if (a == b) same++;
        }
        return counted == 0 ? double.NaN : (double)same / counted;
    }

    /// <summary>The same graph with other node features (e.g. row-normalised ones).</summary>
    public Graph WithFeatures(FeatureMatrix features) =>
        new(Name, Adjacency, features, Labels, TrainMask, ValMask, TestMask, NumClasses) { SplitDescription = SplitDescription };

    public static int[] MaskIndices(bool[] mask)
    {
        var list = new List<int>();
        for (int i = 0; i < mask.Length; i++) if (mask[i]) list.Add(i);
        return list.ToArray();
    }

    public override string ToString() =>
        $"Graph '{Name}': {NumNodes} nodes, {NumEdges} edges, {Features.Cols} {(Features.IsSparse ? "sparse" : "dense")} features, {NumClasses} classes";
}
