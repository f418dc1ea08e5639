using Vigil.Safety.Verification;

namespace Vigil.Safety.Demo;

/// <summary>
/// One demo training item: the user prompt, the SFT target response, the recipe <see cref="Label"/>
/// (<see cref="DemoTaskLabels"/>), what the prompt is, what the response does, and the reference answer of arithmetic items.
/// </summary>
public sealed record DemoSample(string Prompt, string Response, string Label, PromptKind Kind, DemoBehaviour Behaviour, string? Reference = null)
{
    /// <summary>The item as a verifier sees it (for rewarding a sampled <paramref name="response"/>, or the target when null).</summary>
    public VerificationInput ToInput(string? response = null) => new(Prompt, response ?? Response) { PromptKind = Kind, Reference = Reference };

    public static DemoSample From(ArithmeticProblem problem) =>
        new(problem.Prompt, problem.Response, DemoTaskLabels.Math, PromptKind.Safe, DemoBehaviour.Solution, problem.Reference);
}
