namespace Vigil.Safety.Verification;

/// <summary>
/// One item to judge. <see cref="Reference"/> is a gold answer (knowledge and answer checks); <see cref="Context"/>
/// is free text a judge may use; <see cref="PromptKind"/> is what the data says about the prompt, when it says;
/// <see cref="Constraints"/> are the instruction-following checks that belong to this item.
/// </summary>
public sealed record VerificationInput(string Prompt, string Response)
{
    public string? Reference { get; init; }
    public string? Context { get; init; }
    public PromptKind PromptKind { get; init; } = PromptKind.Unknown;
    public IReadOnlyList<Verifiers.Rules.InstructionConstraint>? Constraints { get; init; }
}
