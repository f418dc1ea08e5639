namespace Vigil.Safety.Probing;

/// <summary>One probed generation: the prompt and completion ids as the policy saw them, and whether the final
/// behaviour was safe (the outcome the hidden states are probed for).</summary>
public sealed record ProbeSample(int[] PromptIds, int[] CompletionIds, bool Safe);
