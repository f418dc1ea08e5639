using Microsoft.Extensions.AI;
using Vigil.Safety.Inference.Steps;
using Vigil.Safety.Policy;

namespace Vigil.Tests.Safety.Inference;

public sealed class StepGeneratorTests
{
    private static readonly SamplingOptions Sampling = new() { MaxNewTokens = 200, Seed = 7 };

    [Fact]
    public async Task Generator_continues_from_the_edited_prefix()
    {
        // The fixture model numbers its next step by the steps it can see, and echoes the last one.
        var model = new ScriptedTextGenerator((assistant, row) =>
        {
            var seen = ReasoningTrace.Parse("", assistant);
            return $"step {seen.Steps.Count + 1} after '{(seen.Steps.Count == 0 ? "" : seen.Steps[^1])}' row {row}\nmore text";
        });
        var steps = new TextGeneratorStepGenerator(model, ChatTemplate.Demo, Sampling);
        var trace = new ReasoningTrace("Why?");
        var first = await steps.ProposeAsync(trace, 2);
        Assert.Equal(new[] { "step 1 after '' row 0", "step 1 after '' row 1" }, first.Select(c => c.Step));
        Assert.All(first, c => Assert.False(c.Concludes));
        trace = first[0].ApplyTo(trace);
        trace = (await steps.ProposeAsync(trace, 1))[0].ApplyTo(trace);
        var edited = trace.ReplaceStep(0, "my own first step");
        var next = await steps.ProposeAsync(edited, 1);
        Assert.Equal("step 2 after 'my own first step' row 0", next[0].Step);
        Assert.Equal("<|user|>Why?<|end|><|assistant|><think>\nmy own first step\n", model.Prompts[^1]);
        // One batch of k prompts per proposal, the step delimiter and end of turn as stops, a fresh seed per call.
        Assert.Equal(new[] { "\n", "<|end|>" }, model.Options[^1].StopStrings);
        Assert.Equal(new long[] { 7, 8, 9 }, model.Options.Select(o => o.Seed));
        Assert.Equal("step 2 after 'my own first step' row 0\n".Length, next[0].GeneratedTokens);
    }

    [Fact]
    public async Task Closing_the_reasoning_fetches_the_answer_in_a_second_call()
    {
        var model = new ScriptedTextGenerator((assistant, _) =>
            assistant.EndsWith("</think>", StringComparison.Ordinal) ? "\nLine one.\nLine two.<|end|>" : "last step</think>ignored");
        var steps = new TextGeneratorStepGenerator(model, ChatTemplate.Demo, Sampling);
        var candidate = (await steps.ProposeAsync(new ReasoningTrace("q", new[] { "a" }), 1))[0];
        Assert.Equal("last step", candidate.Step);
        Assert.Equal("\nLine one.\nLine two.", candidate.Answer);
        Assert.Equal("<|user|>q<|end|><|assistant|><think>\na\nlast step\n</think>", model.Prompts[^1]);
        Assert.Equal("last step</think>ignored".Length + "\nLine one.\nLine two.<|end|>".Length, candidate.GeneratedTokens);
        var trace = candidate.ApplyTo(new ReasoningTrace("q", new[] { "a" }));
        Assert.Equal("Line one.\nLine two.", trace.JudgedText);
    }

    [Fact]
    public async Task Ending_the_turn_without_closing_the_reasoning_makes_the_text_the_answer()
    {
        var model = new ScriptedTextGenerator((_, _) => "Sure, here it is.<|end|>");
        var steps = new TextGeneratorStepGenerator(model, ChatTemplate.Demo, Sampling);
        var candidate = (await steps.ProposeAsync(new ReasoningTrace("q"), 1))[0];
        Assert.True(candidate.Concludes);
        Assert.Equal("", candidate.Step);
        Assert.Equal("Sure, here it is.", candidate.Answer);
    }

    [Fact]
    public async Task Finish_reads_a_whole_continuation_back_into_a_trace()
    {
        var model = new ScriptedTextGenerator((_, _) => "x\ny\n</think>Answer.<|end|>");
        var steps = new TextGeneratorStepGenerator(model, ChatTemplate.Demo, Sampling);
        var done = (await steps.FinishAsync(new ReasoningTrace("q", new[] { "given" }), 1))[0];
        Assert.Equal(new[] { "given", "x", "y" }, done.Trace.Steps);
        Assert.Equal("Answer.", done.Trace.Answer);
        Assert.Equal(new[] { "<|end|>" }, model.Options[^1].StopStrings);
    }

    [Fact]
    public async Task Finish_cut_off_inside_the_reasoning_has_no_answer_but_a_finished_turn_answers_with_its_last_piece()
    {
        var cut = new ScriptedTextGenerator((_, _) => "one\ntwo\nthree and on and on");
        var truncated = (await new TextGeneratorStepGenerator(cut, ChatTemplate.Demo, Sampling with { MaxNewTokens = 12 }).FinishAsync(new ReasoningTrace("q"), 1))[0];
        Assert.Equal(new[] { "one", "two", "thre" }, truncated.Trace.Steps);
        Assert.Equal("", truncated.Trace.Answer);
        var ended = new ScriptedTextGenerator((_, _) => "one\nSo: yes.<|end|>");
        var answered = (await new TextGeneratorStepGenerator(ended, ChatTemplate.Demo, Sampling).FinishAsync(new ReasoningTrace("q"), 1))[0];
        Assert.Equal(new[] { "one" }, answered.Trace.Steps);
        Assert.Equal("So: yes.", answered.Trace.Answer);
    }

    [Fact]
    public async Task Chat_client_continues_the_assistant_prefix_with_the_step_end_as_stop()
    {
        var client = new RecordingChatClient(_ => "second step");
        var steps = new ChatClientStepGenerator(client, new ChatOptions { Temperature = 0.7f });
        var candidates = await steps.ProposeAsync(new ReasoningTrace("q", new[] { "first" }, format: StepFormat.Tags), 3);
        Assert.Equal(3, candidates.Count);
        Assert.All(candidates, c => Assert.Equal("second step", c.Step));
        Assert.Equal(3, client.Calls.Count);
        var (messages, options) = client.Calls[0];
        Assert.Equal(new[] { Microsoft.Extensions.AI.ChatRole.User, Microsoft.Extensions.AI.ChatRole.Assistant }, messages.Select(m => m.Role));
        Assert.Equal("<think><step>first</step>", messages[1].Text);
        Assert.Equal(new[] { "</step>" }, options!.StopSequences);
        Assert.Equal(0.7f, options.Temperature);
        // No usage in the response: tokens are estimated from characters.
        Assert.Equal(("second step".Length + 3) / 4, candidates[0].GeneratedTokens);
    }

    [Fact]
    public async Task Chat_client_candidate_that_closes_the_reasoning_gets_an_answer()
    {
        var client = new RecordingChatClient(messages => messages[^1].Text.EndsWith("</think>", StringComparison.Ordinal) ? "Final." : "wrap up</think>");
        var steps = new ChatClientStepGenerator(client);
        var candidate = (await steps.ProposeAsync(new ReasoningTrace("q"), 1))[0];
        Assert.Equal("wrap up", candidate.Step);
        Assert.Equal("Final.", candidate.Answer);
        Assert.Equal("<think>\nwrap up\n</think>", client.Calls[1].Messages[1].Text);
        Assert.Empty(client.Calls[1].Options!.StopSequences!);
    }
}
