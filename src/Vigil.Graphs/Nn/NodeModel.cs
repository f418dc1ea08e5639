using TorchSharp;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn;

/// <summary>
/// A node-classification GNN: features plus message graphs in, logits [targets, classes] out.
/// <paramref name="blocks"/> holds one graph reused by every layer (full batch), or one sampled block per
/// message-passing layer, outermost first (mini-batch); the output rows are the last block's targets.
/// </summary>
public abstract class NodeModel : nn.Module<FeatureInput, IReadOnlyList<MessageGraph>, Tensor>
{
    protected NodeModel(string name) : base(name) { }

    /// <summary>Number of message-passing layers, i.e. how many sampled blocks a mini-batch needs.</summary>
    public abstract int MessagePassingDepth { get; }
}
