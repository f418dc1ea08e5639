using TorchSharp;
using static TorchSharp.torch;

namespace Vigil.Nas.Loss;

/// <summary>
/// GraTO's over-smoothing penalty w / (MAD_diff + ε), differentiable: MAD_diff is the mean average cosine distance
/// between representations of nodes with different labels, over a random sample of the labelled nodes this loss was
/// built with. It is built from training nodes and their labels only, so no other label can reach it. A sample
/// whose nodes all share one class has no different-class pair: the term is then 0 (GraTO divided by zero).
/// </summary>
public sealed class SmoothnessLoss
{
    private readonly long[] _nodes;
    private readonly long[] _labels;
    private readonly Generator? _generator;

    public SmoothnessOptions Options { get; }
    public int PoolSize => _nodes.Length;

    /// <param name="nodes">The nodes the sample is drawn from (training nodes).</param>
    /// <param name="labels">All nodes' labels; only those of <paramref name="nodes"/> are read (and copied).</param>
    /// <param name="generator">Source of the samples; null: torch's global generator.</param>
    public SmoothnessLoss(int[] nodes, int[] labels, SmoothnessOptions? options = null, Generator? generator = null)
    {
        _generator = generator;
        Options = options ?? new SmoothnessOptions();
        Options.Validate();
        if (nodes.Length == 0) throw new ArgumentException("The smoothness term needs at least one labelled node to sample from.");
        _nodes = new long[nodes.Length];
        _labels = new long[nodes.Length];
        for (int k = 0; k < nodes.Length; k++)
        {
            int v = nodes[k];
            if ((uint)v >= (uint)labels.Length) throw new ArgumentOutOfRangeException(nameof(nodes), $"Node {v} at position {k} is outside [0, {labels.Length}).");
            if (labels[v] < 0) throw new ArgumentException($"Node {v} at position {k} has unknown label {labels[v]}; the smoothness term samples labelled nodes only.");
            _nodes[k] = v; _labels[k] = labels[v];
        }
    }

    /// <summary>
    /// w / (MAD_diff + ε) on a fresh sample of the pool, or 0 when the sample
    /// has no different-class pair or w = 0. <paramref name="representations"/> is [N, D] over all nodes.
    /// </summary>
    public Tensor Term(Tensor representations)
    {
        if (representations.dim() != 2) throw new ArgumentException($"Representations must be [nodes, features], got [{string.Join(", ", representations.shape)}].");
        if (Options.Weight == 0) return zeros([], dtype: representations.dtype, device: representations.device);
        int m = Math.Min(Options.SampleSize, _nodes.Length);
        using var order = randperm(_nodes.Length, generator: _generator).narrow(0, 0, m);
        var picks = order.data<long>().ToArray();
        var nodes = new long[m]; var labels = new long[m];
        for (int i = 0; i < m; i++) { nodes[i] = _nodes[picks[i]]; labels[i] = _labels[picks[i]]; }
        var device = representations.device;
        var mad = DifferentClassMad(representations.index_select(0, tensor(nodes, device: device)), tensor(labels, device: device));
        if (mad is null) return zeros([], dtype: representations.dtype, device: device);
        return Options.Weight / (mad + Options.Epsilon);
    }

    /// <summary>
    /// Different-class MAD of <paramref name="representations"/> [n, D] with <paramref name="labels"/> [n]: per row,
    /// the mean cosine distance 1 − cos(h_i, h_j) to the rows of other classes; then the mean over rows that have
    /// any. Zero rows have cosine 0 with everything (distance 1). Null when no two rows differ in label.
    /// </summary>
    public static Tensor? DifferentClassMad(Tensor representations, Tensor labels)
    {
        if (representations.dim() != 2 || labels.dim() != 1 || labels.shape[0] != representations.shape[0])
            throw new ArgumentException($"Need representations [n, D] and labels [n], got [{string.Join(", ", representations.shape)}] and [{string.Join(", ", labels.shape)}].");
        var unit = nn.functional.normalize(representations, 2.0, -1);
        var distance = 1 - unit.matmul(unit.t());
        var different = labels.unsqueeze(1).ne(labels.unsqueeze(0)).to(distance.dtype);
        var pairs = different.sum(1);
        var rows = pairs.gt(0);
        long rowCount = rows.sum().item<long>();
        if (rowCount == 0) return null;
        var rowMeans = (distance * different).sum(1) / pairs.clamp_min(1);
        return rowMeans.masked_select(rows).mean();
    }
}
