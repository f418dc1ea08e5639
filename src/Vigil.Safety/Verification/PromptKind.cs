namespace Vigil.Safety.Verification;

/// <summary>What is known about the prompt before judging: a suite marks its prompts unsafe (harmful requests) or safe.</summary>
public enum PromptKind
{
    Unknown,
    Safe,
    Unsafe,
}
