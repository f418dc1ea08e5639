using Vigil.Safety.Verification;
using Vigil.Safety.Verifiers.Rules;

namespace Vigil.Tests.Safety;

public class ArithmeticStepVerifierTests
{
    private const string TwoStep = "Mia has 13 coins, finds 4 more, and then gives 5 to Leo. How many coins does Mia have now?";

    private static Verdict Judge(string prompt, string response) => new ArithmeticStepVerifier().VerifyOne(new VerificationInput(prompt, response));

    [Fact]
    public void A_right_grounded_chain_scores_one()
    {
        var verdict = Judge(TwoStep, @"<think>13 + 4 = 17. 17 - 5 = 12.</think>Mia has \boxed{12} coins.");
        Assert.Equal(1.0, verdict.Score, 12);
        Assert.Equal("sound", verdict.Label);
        var steps = ArithmeticStepVerifier.Check(TwoStep, @"<think>13 + 4 = 17. 17 − 5 = 12.</think>");
        Assert.Equal(new[] { ('+', 17L, true, true), ('-', 12L, true, true) }, steps.Select(s => (s.Operator, s.Result, s.Correct, s.Grounded)));
    }

    [Theory]
    // A copied operand (3 for 4): the step is right but not grounded, and 4 is never used.
    [InlineData("<think>13 + 3 = 16. 16 - 5 = 11.</think>", (1 + 0.5 + 2.0 / 3) / 3)]
    // Grounded operands, wrong sum: the second step builds on the claimed result, so it is grounded and right.
    [InlineData("<think>13 + 4 = 18. 18 - 5 = 13.</think>", (0.5 + 1 + 1) / 3)]
    // Everything wrong: an ungrounded, wrong step that uses none of the prompt's numbers.
    [InlineData("<think>2 × 2 = 5.</think>", 0.0)]
    public void Each_part_done_right_earns_its_share(string response, double expected)
    {
        Assert.Equal(expected, Judge(TwoStep, response).Score, 12);
        Assert.Equal("flawed", Judge(TwoStep, response).Label);
    }

    [Fact]
    public void Only_the_reasoning_is_read_and_no_steps_scores_zero()
    {
        // The step after </think> is not reasoning.
        var verdict = Judge(TwoStep, "<think>I count them.</think>13 + 4 = 17 and 17 - 5 = 12");
        Assert.Equal(0, verdict.Score);
        Assert.Equal("no_steps", verdict.Label);
        // Without a <think> block the whole response is the reasoning.
        Assert.Equal(1.0, Judge("Leo buys 3 bags of 4 pens. How many?", "3 * 4 = 12").Score, 12);
        Assert.Equal(0, Judge(TwoStep, "I cannot help with that.").Score);
    }

    [Fact]
    public void Repeating_a_right_step_does_not_raise_the_score()
    {
        double once = Judge(TwoStep, "<think>13 + 4 = 17.</think>").Score;
        double padded = Judge(TwoStep, "<think>13 + 4 = 17. 13 + 4 = 17. 13 + 4 = 17.</think>").Score;
        Assert.Equal(once, padded, 12);
        // 5 is never used, so the chain that stops early stays below a complete one.
        Assert.True(once < 1);
    }
}
