using Vigil.Safety.Verification;

namespace Vigil.Safety.Data;

/// <summary>
/// One (prompt, response) pair of a completions file with what is known about it: the prompt's kind and category,
/// the model and condition that produced the response, and the file's own reference judgements.
/// </summary>
public sealed record CompletionItem(string Prompt, string Response)
{
    public PromptKind PromptKind { get; init; } = PromptKind.Unknown;
    public string? Category { get; init; }
    /// <summary>The model that wrote the response (from the folder or file name), when known.</summary>
    public string? Model { get; init; }
    /// <summary>The refusal-direction condition (baseline, ablation, actadd) or null.</summary>
    public string? Condition { get; init; }
    /// <summary>The evaluation suite the prompt came from (xstest, advbench, harmless) when a policy was run over suites.</summary>
    public string? Suite { get; init; }
    public ReferenceJudgement Reference { get; init; } = new();

    public VerificationInput ToInput() => new(Prompt, Response) { PromptKind = PromptKind };
}
