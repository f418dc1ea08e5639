using System.Globalization;
using System.Text.RegularExpressions;
using Vigil.Safety.Demo;
using Vigil.Safety.Verification;
using Vigil.Safety.Verifiers.Rules;

namespace Vigil.Tests.Safety.Demo;

public partial class ArithmeticProblemGeneratorTests
{
    [Fact]
    public void Same_seed_gives_the_same_problems_and_another_seed_others()
    {
        var a = new ArithmeticProblemGenerator(3).Generate(50, heldOut: false);
        var b = new ArithmeticProblemGenerator(3).Generate(50, heldOut: false);
        var c = new ArithmeticProblemGenerator(4).Generate(50, heldOut: false);
        Assert.Equal(a, b);
        Assert.NotEqual(a.Select(p => p.Prompt), c.Select(p => p.Prompt));
    }

    [Fact]
    public void Every_worked_answer_is_right_and_well_formed()
    {
        var boxed = new BoxedAnswerVerifier();
        var problems = new ArithmeticProblemGenerator(11).Generate(600, heldOut: false);
        Assert.True(problems.Select(p => Regex.Replace(p.Prompt, @"\d+", "N")).Distinct().Count() > 30, "templates vary");
        foreach (var p in problems)
        {
            Assert.Null(ThinkFormatVerifier.Check(p.Response));
            // Re-evaluate every step independently; the steps chain, start from the prompt's first number and end at the answer.
            var steps = Step().Matches(p.Response);
            Assert.InRange(steps.Count, 1, 2);
            int? previous = null;
            foreach (Match s in steps)
            {
                int x = Int(s.Groups[1]), y = Int(s.Groups[3]), r = Int(s.Groups[4]);
                Assert.Equal(s.Groups[2].Value switch { "+" => x + y, "-" => x - y, "×" => x * y, _ => throw new InvalidDataException(s.Value) }, r);
                if (previous is { } prev) Assert.Equal(prev, x);
                previous = r;
            }
            var promptNumbers = Regex.Matches(p.Prompt, @"\d+").Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(promptNumbers[0], Int(steps[0].Groups[1]));
            Assert.Equal(promptNumbers.Length, steps.Count + 1);
            Assert.Equal(previous, p.Answer);
            Assert.True(p.Answer >= 0, p.Prompt);
            Assert.Equal(1.0, boxed.VerifyOne(new VerificationInput(p.Prompt, p.Response) { Reference = p.Reference }).Score);
        }
    }

    [Fact]
    public void Training_and_held_out_problems_are_disjoint()
    {
        var train = new ArithmeticProblemGenerator(1).Generate(2000, heldOut: false);
        var heldOut = new ArithmeticProblemGenerator(2).Generate(300, heldOut: true);
        Assert.Equal(2000, train.Select(p => p.Prompt).Distinct().Count());
        Assert.Empty(train.Select(p => p.Prompt).Intersect(heldOut.Select(p => p.Prompt)));
        Assert.All(heldOut, p => Assert.True(ArithmeticProblemGenerator.IsHeldOut(p.Prompt)));
    }

    private static int Int(Group g) => int.Parse(g.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(\d+) ([-+×]) (\d+) = (\d+)\.")]
    private static partial Regex Step();
}
