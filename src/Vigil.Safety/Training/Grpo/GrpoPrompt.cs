using Vigil.Safety.Verification;

namespace Vigil.Safety.Training.Grpo;

/// <summary>
/// One RL prompt: its text as the verifiers see it (the user message), its ids as the policy sees them (chat template
/// applied), the reward-recipe label that picks its verifiers, and optionally a reference answer and the prompt's kind.
/// </summary>
public sealed record GrpoPrompt(string Text, int[] Ids, string Label)
{
    public string? Reference { get; init; }
    public PromptKind PromptKind { get; init; } = PromptKind.Unknown;
}
