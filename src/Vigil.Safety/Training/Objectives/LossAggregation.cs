using static TorchSharp.torch;

namespace Vigil.Safety.Training.Objectives;

/// <summary>
/// How per-token losses become one number. <see cref="TokenMean"/> (the default, as DAPO and the released SafeLadder
/// code do) averages over every completion token in the batch, so long completions weigh in proportion to their
/// length; <see cref="SequenceMean"/> (the original GRPO) averages each sequence's tokens, then the sequences.
/// </summary>
public enum LossAggregation
{
    TokenMean,
    SequenceMean,
}

public static class LossAggregator
{
    /// <summary>
    /// The sum a micro-batch contributes to the batch loss: for token-mean Σ loss·mask / <paramref name="denominator"/>
    /// (the token count of the whole accumulated batch); for sequence-mean Σ_b (Σ_t loss·mask / tokens_b) /
    /// <paramref name="denominator"/> (the sequence count of the whole batch). Summing the micro-batch results gives the
    /// full-batch mean, so gradient accumulation equals one large batch.
    /// </summary>
    public static Tensor Reduce(Tensor perToken, Tensor mask, LossAggregation mode, double denominator)
    {
        if (!(denominator > 0)) throw new ArgumentOutOfRangeException(nameof(denominator), $"The denominator must be > 0, got {denominator}.");
        var masked = perToken * mask;
        return mode switch
        {
            LossAggregation.TokenMean => masked.sum() / denominator,
            LossAggregation.SequenceMean => (masked.sum(1) / mask.sum(1).clamp_min(1)).sum() / denominator,
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
        };
    }

    /// <summary>The <see cref="Reduce"/> denominator for a whole batch with this completion mask.</summary>
    public static double Denominator(Tensor mask, LossAggregation mode) => mode switch
    {
        LossAggregation.TokenMean => Math.Max(1, mask.sum().item<float>()),
        LossAggregation.SequenceMean => Math.Max(1, (mask.sum(1) > 0).sum().item<long>()),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };
}
