using static TorchSharp.torch;

namespace Vigil.Safety.Policy;

/// <summary>
/// A decoder-only language model as trainers, probes and search see it: token ids in, next-token logits out.
/// Implementations own their parameters through <see cref="Module"/> (train/eval mode, state dict, optimiser).
/// </summary>
public interface ICausalLanguageModel
{
    int VocabularySize { get; }

    /// <summary>The trainable module behind the model.</summary>
    nn.Module Module { get; }

    /// <summary>
    /// Logits [batch, time, vocab] for <paramref name="inputIds"/> [batch, time] (int64). <paramref name="attentionMask"/>
    /// [batch, time] holds 1 for tokens and 0 for padding; padding is on the left, and positions count real tokens only.
    /// </summary>
    Tensor Logits(Tensor inputIds, Tensor? attentionMask = null);

    /// <summary>The final hidden states [batch, time, hidden] (after the last norm), for probes and value heads.</summary>
    Tensor HiddenStates(Tensor inputIds, Tensor? attentionMask = null);
}
