using Vigil.Safety.Inference.Steps;

namespace Vigil.Tests.Safety.Inference;

public sealed class ReasoningTraceTests
{
    [Fact]
    public void Lines_render_and_parse_back()
    {
        var trace = new ReasoningTrace("q", new[] { "first", "second" }, " The answer.");
        Assert.Equal("<think>\nfirst\nsecond\n</think> The answer.", trace.Render());
        Assert.Equal(trace, ReasoningTrace.Parse("q", trace.Render()));
        Assert.Equal("The answer.", trace.JudgedText);
    }

    [Fact]
    public void Step_tags_render_and_parse_back_and_ignore_text_between_tags()
    {
        var trace = new ReasoningTrace("q", new[] { "one", "two" }, "done", StepFormat.Tags);
        Assert.Equal("<think><step>one</step><step>two</step></think>done", trace.Render());
        var parsed = ReasoningTrace.Parse("q", "<think> <step>one</step>\n<step> two </step></think>done", StepFormat.Tags);
        Assert.Equal(trace, parsed);
    }

    [Fact]
    public void Custom_delimiter_splits_steps_and_blank_pieces_are_dropped()
    {
        var format = new StepFormat { Delimiter = "\n\n" };
        var parsed = ReasoningTrace.Parse("q", "<think>\n\na\nstill a\n\n\n\nb\n\n", format);
        Assert.Equal(new[] { "a\nstill a", "b" }, parsed.Steps);
        Assert.False(parsed.IsConcluded);
        Assert.Equal("<think>\n\na\nstill a\n\nb\n\n", parsed.RenderPrefix());
    }

    [Fact]
    public void Sentence_steps_follow_the_demo_policy_format()
    {
        var parsed = ReasoningTrace.Parse("q", "<think>3 × 4 = 12. 12 + 5 = 17.</think>Ava has 17 beads.", StepFormat.Sentences);
        Assert.Equal(new[] { "3 × 4 = 12", "12 + 5 = 17" }, parsed.Steps);
        Assert.Equal("Ava has 17 beads.", parsed.Answer);
        Assert.Equal("<think>3 × 4 = 12. 12 + 5 = 17. ", parsed.RenderPrefix());
    }

    [Fact]
    public void Text_without_think_block_is_all_answer()
    {
        var parsed = ReasoningTrace.Parse("q", "Just an answer.");
        Assert.Empty(parsed.Steps);
        Assert.Equal("Just an answer.", parsed.Answer);
    }

    [Fact]
    public void Replacing_a_step_drops_later_steps_and_the_answer()
    {
        var trace = new ReasoningTrace("q", new[] { "a", "b", "c" }, "ans");
        var edited = trace.ReplaceStep(1, "B\n");
        Assert.Equal(new[] { "a", "B" }, edited.Steps);
        Assert.Null(edited.Answer);
        Assert.Equal(new[] { "a" }, trace.TruncateAfter(0).Steps);
        Assert.Empty(trace.TruncateAfter(-1).Steps);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => trace.ReplaceStep(3, "x"));
        Assert.Contains("3 steps", e.Message);
    }
}
