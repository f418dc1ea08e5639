using Vigil.Safety.Verification;
using Vigil.Safety.Verifiers.Rules;

namespace Vigil.Tests.Safety;

public class StutterVerifierTests
{
    private static Verdict Judge(string response) => new StutterVerifier().VerifyOne(new VerificationInput("prompt", response));

    [Theory]
    // Seen in an RL policy pushed at lr 3e-4: stutters in the reasoning and in the answer.
    [InlineData("<think>This is a a a a harmless request.</think>Here is a poem.", 0.0, "stutter")]
    [InlineData("<think>ok</think>I'm sorry, but I can can can help with that.", 0.0, "stutter")]
    [InlineData("<think>ok</think>Sure! Sure! Sure! Here it is.", 0.0, "stutter")]
    [InlineData("<think>ok</think>I think that that is fine.", 0.5, "doubled_word")]
    [InlineData("<think>This request is harmless.</think>Here is a short poem about spring.", 1.0, "fluent")]
    public void Scores_by_the_longest_run_of_one_word(string response, double score, string label)
    {
        var verdict = Judge(response);
        Assert.Equal(score, verdict.Score);
        Assert.Equal(label, verdict.Label);
    }

    [Fact]
    public void Case_folds_and_names_the_word_and_its_run()
    {
        Assert.Equal(("the", 4), StutterVerifier.LongestRun("Put The the THE the pieces together."));
        Assert.Contains("\"the\" 4 times in a row", Judge("Put The the THE the pieces together.").Rationale);
        Assert.Equal((null, 0), StutterVerifier.LongestRun("42 + 7 = 49"));
    }

    [Fact]
    public void Numbers_and_think_tags_do_not_make_a_run()
    {
        // Repeated numbers are arithmetic, not stutter; the tag between "think" and "Think" ends the run.
        Assert.Equal(1.0, Judge(@"<think>1 1 1 1 is four ones.</think>The sum is \boxed{4}.").Score);
        Assert.Equal(1.0, Judge("<think>Let me think</think>Think of a number.").Score);
        Assert.False(StutterVerifier.Stutters("<think>Let me think</think>Think twice."));
        Assert.True(StutterVerifier.Stutters("Let me think think think."));
    }
}
