using static TorchSharp.torch;

namespace Vigil.Safety.Training.Objectives;

/// <summary>Per-token log-probabilities of chosen tokens and the policy's entropy, zeroed where the mask is 0.</summary>
public static class TokenLogProbs
{
    /// <summary>
    /// <paramref name="logits"/> [B, T, V] are the scores that predict <paramref name="targets"/> [B, T] (already shifted
    /// by the caller); <paramref name="mask"/> [B, T] is 1 on completion tokens. Returns log p(target) and the entropy
    /// −Σ p log p of the predicted distribution, both [B, T] and multiplied by the mask.
    /// </summary>
    public static (Tensor LogProbs, Tensor Entropy) Compute(Tensor logits, Tensor targets, Tensor mask)
    {
        var logSoftmax = nn.functional.log_softmax(logits.to_type(ScalarType.Float32), -1);
        var chosen = logSoftmax.gather(-1, targets.to_type(ScalarType.Int64).unsqueeze(-1)).squeeze(-1);
        var entropy = -(logSoftmax.exp() * logSoftmax).sum(-1);
        var m = mask.to_type(ScalarType.Float32);
        return (chosen * m, entropy * m);
    }
}
