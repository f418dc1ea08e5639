namespace Vigil.Safety.Inference.Steps;

/// <summary>
/// What a backend returned for one continuation: the text (stop string included when the backend keeps it),
/// whether the model ended its turn on its own, and the tokens sampled.
/// </summary>
public sealed record RawCompletion(string Text, bool EndedTurn, int GeneratedTokens);
