using static TorchSharp.torch;

namespace Vigil.Safety.Training.Objectives;

/// <summary>Which clipped surrogate the policy optimises.</summary>
public enum PolicyLossKind
{
    /// <summary>CPGD: clip the log-ratio, loss = −clipped·A (SafeLadder's default).</summary>
    Cpgd,
    /// <summary>PPO's clipped ratio objective.</summary>
    PpoClip,
}

/// <summary>The per-token policy losses and which tokens the clip switched off.</summary>
public sealed record PolicyLossTerms(Tensor Loss, Tensor Clipped);

/// <summary>
/// Per-token clipped surrogate losses. With ρ = logp − old (the log-ratio) and A the sequence's advantage broadcast
/// over its tokens:
/// CPGD: loss = −A·min(ρ, log(1+ε)) when A ≥ 0 and −A·max(ρ, log(1−ε)) when A &lt; 0, i.e. −min(ρA, clip(ρ, log(1−ε), log(1+ε))A);
/// PPO-clip: loss = −min(rA, clip(r, 1−ε, 1+ε)A) with r = exp ρ.
/// <see cref="PolicyLossTerms.Clipped"/> is 1 where the clipped branch is active (the token gives no gradient).
/// </summary>
public static class PolicyLoss
{
    public const double DefaultClipEpsilon = 0.2;

    /// <param name="logProbs">[B, T] current log-probabilities (with grad)</param>
    /// <param name="oldLogProbs">[B, T] log-probabilities under the sampling policy</param>
    /// <param name="advantages">[B] one advantage per sequence</param>
    public static PolicyLossTerms Compute(PolicyLossKind kind, Tensor logProbs, Tensor oldLogProbs, Tensor advantages, double epsilon = DefaultClipEpsilon)
    {
        if (!(epsilon > 0 && epsilon < 1)) throw new ArgumentOutOfRangeException(nameof(epsilon), $"The clip ε must lie in (0, 1), got {epsilon}.");
        var a = advantages.unsqueeze(1).to_type(logProbs.dtype);
        var logRatio = logProbs - oldLogProbs;
        switch (kind)
        {
            case PolicyLossKind.Cpgd:
            {
                var clippedRatio = logRatio.clamp(Math.Log(1 - epsilon), Math.Log(1 + epsilon));
                var unclippedTerm = logRatio * a;
                var clippedTerm = clippedRatio * a;
                return new PolicyLossTerms(-minimum(unclippedTerm, clippedTerm), (clippedTerm < unclippedTerm).to_type(logProbs.dtype));
            }
            case PolicyLossKind.PpoClip:
            {
                var ratio = logRatio.exp();
                var unclippedTerm = ratio * a;
                var clippedTerm = ratio.clamp(1 - epsilon, 1 + epsilon) * a;
                return new PolicyLossTerms(-minimum(unclippedTerm, clippedTerm), (clippedTerm < unclippedTerm).to_type(logProbs.dtype));
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }
}
