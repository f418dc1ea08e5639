using Vigil.Safety.Verification;
using Vigil.Safety.Verifiers.Knowledge;

namespace Vigil.Tests.Safety;

public class ReferenceMatchVerifierTests
{
    private static Verdict Check(string response, string reference) =>
        new ReferenceMatchVerifier().VerifyOne(new VerificationInput("q", response) { Reference = reference });

    [Fact]
    public void Exact_normalised_and_numeric_matches_score_one()
    {
        Assert.Equal("exact match", Check("Paris", "Paris").Rationale);
        Assert.Equal("match after normalisation", Check("<think>capital of France</think> The Paris!", "paris").Rationale);
        Assert.StartsWith("numeric match", Check("1,000", "1000.00").Rationale);
        Assert.Equal(1.0, Check("3.14159", "3.1416").Score);
        Assert.Equal(0.0, Check("3.2", "3.1416").Score);
    }

    [Fact]
    public void Token_f1_is_the_fallback_score()
    {
        // predicted tokens {cat, sat}, reference {cat, sat, on, mat}: P = 1, R = 0.5, F1 = 2/3.
        var verdict = Check("the cat sat", "a cat sat on the mat");
        Assert.Equal(2.0 / 3, verdict.Score, 12);
        Assert.Equal("correct", verdict.Label);
        Assert.Equal(0.0, Check("dog", "cat").Score);
        Assert.Equal("incorrect", Check("dog", "cat").Label);
    }

    [Fact]
    public void Numeric_answers_read_fractions_latex_and_percent()
    {
        Assert.True(NumericAnswer.TryParse(@"\frac{3}{4}", out var a)); Assert.Equal(0.75, a);
        Assert.True(NumericAnswer.TryParse(@"-\dfrac{1}{2}", out var b)); Assert.Equal(-0.5, b);
        Assert.True(NumericAnswer.TryParse("12%", out var c)); Assert.Equal(12, c);
        Assert.True(NumericAnswer.TryParse("$1,234.5", out var d)); Assert.Equal(1234.5, d);
        Assert.True(NumericAnswer.TryParse(".5", out var e)); Assert.Equal(0.5, e);
        Assert.False(NumericAnswer.TryParse("1/0", out _));
        Assert.False(NumericAnswer.TryParse("twelve", out _));
    }

    [Fact]
    public void Missing_reference_is_an_error()
    {
        var e = Assert.Throws<ArgumentException>(() => new ReferenceMatchVerifier().VerifyOne(new VerificationInput("Who wrote Hamlet?", "Shakespeare")));
        Assert.Contains("Who wrote Hamlet?", e.Message);
    }
}
