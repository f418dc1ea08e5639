using static TorchSharp.torch;

namespace Vigil.Nas.Loss;

/// <summary>
/// GraTO's search loss on one set of labelled nodes: cross-entropy over those nodes plus the smoothness term.
/// Holds only those nodes' labels.
/// </summary>
public sealed class NodeLoss : IDisposable
{
    private readonly Tensor _nodes;
    private readonly Tensor _labels;

    public SmoothnessLoss Smoothness { get; }

    public NodeLoss(int[] nodes, int[] labels, SmoothnessLoss smoothness)
    {
        if (nodes.Length == 0) throw new ArgumentException("The loss needs at least one labelled node.");
        var ids = new long[nodes.Length]; var y = new long[nodes.Length];
        for (int k = 0; k < nodes.Length; k++)
        {
            int v = nodes[k];
            if ((uint)v >= (uint)labels.Length) throw new ArgumentOutOfRangeException(nameof(nodes), $"Node {v} at position {k} is outside [0, {labels.Length}).");
            if (labels[v] < 0) throw new ArgumentException($"Node {v} at position {k} has unknown label {labels[v]}.");
            ids[k] = v; y[k] = labels[v];
        }
        _nodes = tensor(ids).DetachFromDisposeScope();
        _labels = tensor(y).DetachFromDisposeScope();
        Smoothness = smoothness;
    }

    /// <summary>Cross-entropy of the nodes' logits plus the smoothness term of the representations.</summary>
    public Tensor Compute((Tensor Logits, Tensor Representation) output)
    {
        var device = output.Logits.device;
        var ce = nn.functional.cross_entropy(output.Logits.index_select(0, _nodes.to(device)), _labels.to(device));
        return ce + Smoothness.Term(output.Representation);
    }

    public void Dispose()
    {
        _nodes.Dispose();
        _labels.Dispose();
    }
}
