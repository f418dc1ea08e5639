namespace Vigil.Safety.Demo;

/// <summary>
/// A verifiable word problem: the <see cref="Prompt"/>, its worked <see cref="Response"/> (<c>&lt;think&gt;</c> steps,
/// then a sentence with <c>\boxed{answer}</c>) and the <see cref="Answer"/>.
/// </summary>
public sealed record ArithmeticProblem(string Prompt, string Response, int Answer)
{
    /// <summary>The reference a <see cref="Verifiers.Rules.BoxedAnswerVerifier"/> checks against.</summary>
    public string Reference => Answer.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
