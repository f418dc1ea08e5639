using TorchSharp;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Connections;

/// <summary>
/// Jumping knowledge (Xu et al. 2018): the final representation combines every layer's, so each node can use the
/// neighbourhood range that suits it. With sampled blocks, each layer's output is cut to the last layer's rows.
/// </summary>
public sealed class JumpingKnowledge : nn.Module<IReadOnlyList<Tensor>, Tensor>
{
    public JumpingKnowledgeMode Mode { get; }

    public JumpingKnowledge(JumpingKnowledgeMode mode) : base(nameof(JumpingKnowledge)) { Mode = mode; }

    /// <summary>Output width for <paramref name="layers"/> layers of <paramref name="features"/> features each.</summary>
    public int OutFeatures(int layers, int features) => Mode == JumpingKnowledgeMode.Cat ? layers * features : features;

    public override Tensor forward(IReadOnlyList<Tensor> layers)
    {
        if (layers.Count == 0) throw new ArgumentException($"{nameof(JumpingKnowledge)} needs at least one layer's representation.");
        long rows = layers[^1].shape[0];
        var cut = new Tensor[layers.Count];
        for (int i = 0; i < layers.Count; i++)
        {
            if (layers[i].shape[0] < rows)
                throw new ArgumentException($"{nameof(JumpingKnowledge)}: layer {i} has {layers[i].shape[0]} rows, fewer than the last layer's {rows}.");
            if (Mode == JumpingKnowledgeMode.Max && layers[i].shape[1] != layers[^1].shape[1])
                throw new ArgumentException($"{nameof(JumpingKnowledge)} max: layer {i} has {layers[i].shape[1]} features, the last layer {layers[^1].shape[1]}; max needs equal widths.");
            cut[i] = layers[i].shape[0] == rows ? layers[i] : layers[i].narrow(0, 0, rows);
        }
        return Mode == JumpingKnowledgeMode.Cat ? cat(cut, 1) : stack(cut, 0).amax([0]);
    }
}
