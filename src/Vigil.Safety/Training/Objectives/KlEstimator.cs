using static TorchSharp.torch;

namespace Vigil.Safety.Training.Objectives;

/// <summary>
/// The k3 estimator of KL(π ‖ π_ref) per token (Schulman's unbiased, always ≥ 0 form):
/// exp(ref − logp) − (ref − logp) − 1. Scaled by <see cref="DefaultCoefficient"/> (SafeLadder's 0.001) in the loss.
/// </summary>
public static class KlEstimator
{
    public const double DefaultCoefficient = 0.001;

    public static Tensor K3(Tensor logProbs, Tensor referenceLogProbs)
    {
        var delta = referenceLogProbs - logProbs;
        return delta.exp() - delta - 1;
    }
}
