using Vigil.Graphs.Data;

namespace Vigil.Graphs.IO;

/// <summary>
/// Loads and saves a <see cref="Graph"/> in the gnn-benchmark <c>.npz</c> layout (Shchur et al. 2018), which
/// the Amazon, Coauthor and CitationFull graphs and our <c>cora.npz</c> use:
/// <list type="bullet">
/// <item><c>adj_data, adj_indices, adj_indptr, adj_shape</c>: the scipy CSR adjacency, where entry (i, j) is the
/// edge i → j. Our adjacency has destinations as rows, so it is the transpose (identical for undirected graphs).</item>
/// <item><c>attr_data, attr_indices, attr_indptr, attr_shape</c> (sparse, kept sparse) or <c>attr_matrix</c>
/// (dense) node features.</item>
/// <item><c>labels</c>: one integer class per node (int64 or int32; −1 = unknown).</item>
/// <item><c>train_mask, val_mask, test_mask</c>: optional; gnn-benchmark files have none, and then a per-class
/// random split is drawn (<see cref="NodeSplit.PerClass"/>) and <see cref="Graph.SplitDescription"/> says so.</item>
/// </list>
/// Other members (such as the pickled <c>node_names</c>/<c>attr_names</c>/<c>class_names</c>) are ignored.
/// An adjacency whose stored values are all 1 is loaded as an unweighted pattern.
/// </summary>
public static class GraphNpz
{
    public static Graph Load(string path, int splitSeed = 0, int trainPerClass = 20, int valPerClass = 30)
    {
        using var npz = NpzReader.Open(path);
        NpzFormatException Bad(string key, string problem) => new(npz.FilePath, key, problem);

        var stored = NpzCsr.Read(npz, "adj");
        if (stored.Rows != stored.Cols) throw Bad("adj_shape", $"an adjacency must be square, got ({stored.Rows}, {stored.Cols})");
        int n = stored.Rows;
        var adjacency = stored.Transpose();
        if (Array.TrueForAll(adjacency.Values!, v => v == 1f)) adjacency = adjacency.WithValues(null);

        FeatureMatrix features;
        if (npz.Contains("attr_data") || npz.Contains("attr_indptr"))
        {
            var attr = NpzCsr.Read(npz, "attr");
            if (attr.Rows != n) throw Bad("attr_shape", $"{attr.Rows} feature rows for {n} nodes");
            features = new FeatureMatrix(attr);
        }
        else if (npz.Contains("attr_matrix"))
        {
            var dense = npz.Read("attr_matrix", rank: 2);
            if (dense.Shape[0] != n) throw Bad("attr_matrix", $"{dense.Shape[0]} feature rows for {n} nodes");
            float[] values;
            try { values = dense.ToFloat32(); }
            catch (InvalidDataException e) { throw Bad("attr_matrix", e.Message); }
            features = new FeatureMatrix(n, dense.Shape[1], values);
        }
        else throw Bad("attr_data", "missing: node features need 'attr_data/attr_indices/attr_indptr/attr_shape' or 'attr_matrix'");

        if (!npz.Contains("labels") && npz.Contains("labels_data"))
            throw Bad("labels_data", "multi-label (CSR) labels are not supported; a single 'labels' vector is needed");
        var labels = npz.ReadInt32("labels");
        if (labels.Length != n) throw Bad("labels", $"{labels.Length} labels for {n} nodes");
        for (int i = 0; i < n; i++)
            if (labels[i] < -1) throw Bad("labels", $"label {labels[i]} of node {i} is negative (only −1, unknown, is allowed)");

        string[] maskKeys = { "train_mask", "val_mask", "test_mask" };
        int present = maskKeys.Count(npz.Contains);
        NodeSplit split;
        if (present == 3)
        {
            var masks = maskKeys.Select(k =>
            {
                var m = npz.ReadBoolean(k);
                return m.Length == n ? m : throw Bad(k, $"{m.Length} entries for {n} nodes");
            }).ToArray();
            split = new NodeSplit(masks[0], masks[1], masks[2], "stored masks");
        }
        else if (present == 0) split = NodeSplit.PerClass(labels, trainPerClass, valPerClass, splitSeed);
        else
        {
            var missing = maskKeys.First(k => !npz.Contains(k));
            throw Bad(missing, $"missing, while {string.Join(" and ", maskKeys.Where(npz.Contains))} are present");
        }

        var name = Path.GetFileNameWithoutExtension(path);
        return new Graph(name, adjacency, features, labels, split.Train, split.Val, split.Test)
        {
            SplitDescription = split.Description,
        };
    }

    /// <summary>Saves in the same layout, masks included, so <see cref="Load"/> gives back an equal graph.</summary>
    public static void Save(Graph graph, string path, bool compress = false)
    {
        using var npz = new NpzWriter(path, compress);
        // Back to scipy's (source, destination) orientation.
        NpzCsr.Write(npz, "adj", graph.Adjacency.Transpose());
        if (graph.Features.Sparse is { } sparse) NpzCsr.Write(npz, "attr", sparse);
        else npz.Write("attr_matrix", new NpyArray(graph.Features.Dense!, graph.Features.Rows, graph.Features.Cols));
        npz.Write("labels", new NpyArray(Array.ConvertAll(graph.Labels, y => (long)y)));
        npz.Write("train_mask", new NpyArray(graph.TrainMask));
        npz.Write("val_mask", new NpyArray(graph.ValMask));
        npz.Write("test_mask", new NpyArray(graph.TestMask));
    }
}
