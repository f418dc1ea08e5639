namespace Vigil.Safety.Policy;

/// <summary>Why generation ended.</summary>
public enum FinishReason
{
    /// <summary>End-of-sequence token or a stop string.</summary>
    Stop,
    /// <summary>Hit the token limit.</summary>
    Length,
}

/// <summary>One sampled completion: the prompt's ids, the completion's ids (end token included when emitted) and its text.</summary>
public sealed record GeneratedSequence(int[] PromptIds, int[] CompletionIds, string Text, FinishReason FinishReason);
