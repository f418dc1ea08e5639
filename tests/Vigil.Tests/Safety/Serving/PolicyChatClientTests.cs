using Microsoft.Extensions.AI;
using Vigil.Safety.Policy;
using Vigil.Safety.Serving;
using AIChatRole = Microsoft.Extensions.AI.ChatRole;
using PolicyRole = Vigil.Safety.Policy.ChatRole;

namespace Vigil.Tests.Safety.Serving;

public sealed class PolicyChatClientTests
{
    private static readonly ChatMessage[] Conversation =
    [
        new(AIChatRole.System, "Be brief."),
        new(AIChatRole.User, "Hi"),
        new(AIChatRole.Assistant, "Hello."),
        new(AIChatRole.User, "What is 2+2?"),
    ];

    private static readonly string RenderedConversation = ChatTemplate.Demo.Render(
    [
        new ChatTurn(PolicyRole.System, "Be brief."), new ChatTurn(PolicyRole.User, "Hi"),
        new ChatTurn(PolicyRole.Assistant, "Hello."), new ChatTurn(PolicyRole.User, "What is 2+2?"),
    ]);

    [Fact]
    public async Task Response_renders_the_template_stops_at_the_end_of_turn_and_counts_tokens()
    {
        var generator = new ScriptedTextGenerator(p => $"I read {p.Length} characters.<|end|>never shown");
        using var client = new PolicyChatClient(generator, ChatTemplate.Demo, "demo");

        var response = await client.GetResponseAsync(Conversation);

        Assert.Equal(RenderedConversation, Assert.Single(generator.Calls).Prompt);
        Assert.Equal($"I read {RenderedConversation.Length} characters.", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal("demo", response.ModelId);
        Assert.Equal(RenderedConversation.Length, response.Usage!.InputTokenCount);
        // The generator stopped after the stop string, which it kept: those characters were generated.
        Assert.Equal($"I read {RenderedConversation.Length} characters.<|end|>".Length, response.Usage.OutputTokenCount);
        Assert.Equal(response.Usage.InputTokenCount + response.Usage.OutputTokenCount, response.Usage.TotalTokenCount);
    }

    [Fact]
    public async Task Chat_options_become_sampling_options()
    {
        var generator = new ScriptedTextGenerator(_ => "ok");
        using var client = new PolicyChatClient(generator, ChatTemplate.ChatML, "demo");

        await client.GetResponseAsync(Conversation, new ChatOptions
        {
            Temperature = 0.5f, TopP = 0.25f, MaxOutputTokens = 7, StopSequences = ["##"], Seed = 42, Instructions = "Answer in French.",
        });

        var (prompt, options) = Assert.Single(generator.Calls);
        Assert.StartsWith("<|im_start|>system\nAnswer in French.<|im_end|>\n<|im_start|>system\nBe brief.", prompt);
        Assert.Equal(7, options.MaxNewTokens);
        Assert.Equal(0.5, options.Temperature);
        Assert.Equal(0.25, options.TopP);
        Assert.Equal(42, options.Seed);
        Assert.Equal(new[] { "<|im_end|>", CharacterTokenizer.EndOfSequenceText, "##" }, options.StopStrings);
    }

    [Fact]
    public async Task A_caller_stop_sequence_is_cut_and_the_token_limit_ends_with_length()
    {
        var generator = new ScriptedTextGenerator(_ => "alpha ## beta");
        using var client = new PolicyChatClient(generator, ChatTemplate.Demo, "demo") { DefaultMaxOutputTokens = 64 };

        var stopped = await client.GetResponseAsync(Conversation, new ChatOptions { StopSequences = ["##"] });
        var truncated = await client.GetResponseAsync(Conversation, new ChatOptions { MaxOutputTokens = 4 });

        Assert.Equal("alpha ", stopped.Text);
        Assert.Equal(ChatFinishReason.Stop, stopped.FinishReason);
        Assert.Equal("alph", truncated.Text);
        Assert.Equal(ChatFinishReason.Length, truncated.FinishReason);
        Assert.Equal(4, truncated.Usage!.OutputTokenCount);
        Assert.Equal(64, generator.Calls[0].Options.MaxNewTokens);
    }

    [Fact]
    public async Task Streaming_emits_text_as_produced_but_never_part_of_a_stop_sequence()
    {
        var generator = new StreamingScriptedTextGenerator(_ => "a<b<|end|>after");
        using var client = new PolicyChatClient(generator, ChatTemplate.Demo, "demo");

        var updates = await client.GetStreamingResponseAsync(Conversation).ToListAsync();

        var texts = updates.Select(u => u.Text).Where(t => t.Length > 0).ToList();
        Assert.Equal("a<b", string.Concat(texts));
        Assert.True(texts.Count >= 2, $"expected incremental updates, got {texts.Count}");
        Assert.DoesNotContain(texts, t => t.Contains("<|"));
        var last = updates[^1];
        Assert.Equal(ChatFinishReason.Stop, last.FinishReason);
        var usage = Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>()).Details;
        Assert.Equal("a<b<|end|>".Length, usage.OutputTokenCount);
        Assert.Equal(RenderedConversation.Length, usage.InputTokenCount);
        Assert.All(updates, u => Assert.Equal(updates[0].ResponseId, u.ResponseId));
    }

    [Fact]
    public async Task A_generator_without_the_streaming_hook_streams_its_whole_completion_at_once()
    {
        var generator = new ScriptedTextGenerator(_ => "whole answer<|end|>");
        using var client = new PolicyChatClient(generator, ChatTemplate.Demo, "demo");

        var updates = await client.GetStreamingResponseAsync(Conversation).ToListAsync();

        Assert.Equal("whole answer", Assert.Single(updates, u => u.Text.Length > 0).Text);
        Assert.Equal(ChatFinishReason.Stop, updates[^1].FinishReason);
    }

    [Fact]
    public async Task Concurrent_requests_reach_the_generator_one_at_a_time()
    {
        var generator = new StreamingScriptedTextGenerator(p => "reply") { Hold = TimeSpan.FromMilliseconds(20) };
        using var client = new PolicyChatClient(generator, ChatTemplate.Demo, "demo");

        var plain = Enumerable.Range(0, 3).Select(_ => client.GetResponseAsync(Conversation));
        var streamed = Enumerable.Range(0, 3).Select(async _ => (await client.GetStreamingResponseAsync(Conversation).ToListAsync()).Count);
        await Task.WhenAll(Task.WhenAll(plain), Task.WhenAll(streamed));

        Assert.Equal(6, generator.Calls.Count);
        Assert.Equal(1, generator.MaxConcurrent);
    }

    [Fact]
    public async Task Leaving_a_stream_early_cancels_generation_and_frees_the_policy()
    {
        var generator = new StreamingScriptedTextGenerator(_ => "a long reply that nobody reads") { PauseAfter = 3 };
        using var client = new PolicyChatClient(generator, ChatTemplate.Demo, "demo");

        await foreach (var update in client.GetStreamingResponseAsync(Conversation))
            if (update.Text.Length > 0) break;
        var next = await client.GetResponseAsync(Conversation, new ChatOptions { MaxOutputTokens = 2 });

        Assert.True(generator.Cancelled);
        Assert.Equal("a ", next.Text);
        Assert.Equal(2, generator.Calls.Count);
    }

    [Fact]
    public async Task A_prompt_over_the_token_limit_and_a_tool_message_are_refused()
    {
        var generator = new ScriptedTextGenerator(_ => "x");
        using var client = new PolicyChatClient(generator, ChatTemplate.Demo, "demo") { MaxPromptTokens = 10 };

        var tooLong = await Assert.ThrowsAsync<PromptTooLongException>(() => client.GetResponseAsync(Conversation));
        Assert.Equal(RenderedConversation.Length, tooLong.PromptTokens);
        Assert.Equal(10, tooLong.Limit);
        var tool = await Assert.ThrowsAsync<ArgumentException>(() => client.GetResponseAsync([new ChatMessage(AIChatRole.Tool, "42")]));
        Assert.Contains("tool", tool.Message);
        Assert.Empty(generator.Calls);
    }
}
