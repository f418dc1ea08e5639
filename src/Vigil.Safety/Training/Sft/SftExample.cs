namespace Vigil.Safety.Training.Sft;

/// <summary>One supervised example: the prompt (chat template applied) and the target response (end token included), as ids.</summary>
public sealed record SftExample(int[] PromptIds, int[] ResponseIds);
