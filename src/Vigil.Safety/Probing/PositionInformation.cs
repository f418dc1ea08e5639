namespace Vigil.Safety.Probing;

/// <summary>
/// The probe's finding at one position of the completion (0 = its first token): the information estimate, the token most
/// often found there, and the tokens the model's own head predicts from that state (averaged over samples), which is
/// how SafeWork-R1 reads what a high-information position "means".
/// </summary>
public sealed record PositionInformation(int Position, ProbeEstimate Estimate, string CommonToken, IReadOnlyList<string> PredictedTokens);
