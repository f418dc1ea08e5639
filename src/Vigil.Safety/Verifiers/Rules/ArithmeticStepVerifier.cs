using System.Globalization;
using System.Text.RegularExpressions;
using Vigil.Safety.Verification;

namespace Vigil.Safety.Verifiers.Rules;

/// <summary>
/// A process reward for worked arithmetic: the reasoning's <c>a op b = c</c> steps (op one of + − - × * x) are checked
/// one by one. Score = (share of steps whose result is right + share of steps whose operands are grounded — numbers of
/// the prompt or results of earlier steps — + share of the prompt's numbers that some step uses) / 3; 0 without steps.
/// An outcome reward (<see cref="BoxedAnswerVerifier"/>) pays only when everything is right, which a small policy
/// rarely manages; this one pays for each part done right, so copying an operand correctly or adding correctly is
/// learned on its own. Steps are averaged, so padding with extra right steps earns nothing.
/// </summary>
public sealed partial class ArithmeticStepVerifier : SyncVerifier
{
    public const string VerifierName = "arithmetic_steps";

    public override string Name => VerifierName;

    /// <summary>One checked step.</summary>
    public sealed record Step(long Left, char Operator, long Right, long Result, bool Correct, bool Grounded);

    public override Verdict VerifyOne(VerificationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var given = Numbers(input.Prompt);
        var steps = Check(given, input.Response);
        if (steps.Count == 0) return Verdict.Of(0, "no_steps", "no 'a op b = c' step in the reasoning");
        double correct = steps.Count(s => s.Correct) / (double)steps.Count;
        double grounded = steps.Count(s => s.Grounded) / (double)steps.Count;
        double coverage = given.Count == 0 ? 1 : given.Count(n => steps.Any(s => s.Left == n || s.Right == n)) / (double)given.Count;
        double score = (correct + grounded + coverage) / 3;
        string label = correct == 1 && grounded == 1 && coverage == 1 ? "sound" : "flawed";
        return Verdict.Of(score, label,
            $"{steps.Count} step(s): {correct:P0} right, {grounded:P0} grounded in the prompt, {coverage:P0} of the prompt's numbers used");
    }

    /// <summary>The steps of <paramref name="response"/>'s reasoning (its <c>&lt;think&gt;</c> part when present, else all of it).</summary>
    public static IReadOnlyList<Step> Check(string prompt, string response)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return Check(Numbers(prompt), response);
    }

    private static List<Step> Check(IEnumerable<long> given, string response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var known = new HashSet<long>(given);
        var steps = new List<Step>();
        foreach (Match m in StepPattern().Matches(ThinkFormatVerifier.ReasoningPart(response)))
        {
            // The pattern's digit counts keep every number within a long.
            long a = Number(m.Groups["a"].Value), b = Number(m.Groups["b"].Value), c = Number(m.Groups["c"].Value);
            char op = m.Groups["op"].Value[0] switch { '+' => '+', '×' or '*' or 'x' => '×', _ => '-' };
            long expected = op switch { '+' => a + b, '×' => a * b, _ => a - b };
            steps.Add(new Step(a, op, b, c, c == expected, known.Contains(a) && known.Contains(b)));
            // A later step may build on this one's (claimed) result.
            known.Add(c);
        }
        return steps;
    }

    private static List<long> Numbers(string text) => NumberPattern().Matches(text).Select(m => Number(m.Value)).Distinct().ToList();

    private static long Number(string digits) => long.Parse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<a>\d{1,9})\s*(?<op>[+\-−×*x])\s*(?<b>\d{1,9})\s*=\s*(?<c>-?\d{1,12})")]
    private static partial Regex StepPattern();

    [GeneratedRegex(@"\d{1,9}")]
    private static partial Regex NumberPattern();
}
