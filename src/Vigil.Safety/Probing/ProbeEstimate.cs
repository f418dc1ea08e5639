namespace Vigil.Safety.Probing;

/// <summary>
/// What a linear probe learned about a binary outcome from one set of hidden states, in bits:
/// <see cref="LabelEntropyBits"/> is H(Y) of the samples, <see cref="HeldOutCrossEntropyBits"/> the probe's mean held-out
/// cross-entropy, and <see cref="InformationBits"/> = max(0, H(Y) − cross-entropy), a lower bound on I(h; Y).
/// </summary>
public sealed record ProbeEstimate(int Samples, double LabelEntropyBits, double HeldOutCrossEntropyBits, double InformationBits);
