using Microsoft.Extensions.AI;
using Vigil.Safety.Inference.Scoring;
using Vigil.Safety.Inference.Search;
using Vigil.Safety.Inference.Steps;
using Vigil.Safety.Serving;
using Vigil.Safety.Verification;

namespace Vigil.Tests.Safety.Serving;

public class InferenceMethodChatClientTests
{
    private sealed class EchoMethod : IInferenceMethod
    {
        public List<string> Prompts { get; } = [];
        public string Name => "echo";

        public Task<InferenceResult> RunAsync(string prompt, PromptKind kind, CancellationToken cancellation = default)
        {
            Prompts.Add(prompt);
            return Task.FromResult(new InferenceResult(Name, new ReasoningTrace(prompt), $"answer to {prompt}", 1, 1, false, new ComputeUsage(17, 3)));
        }
    }

    [Fact]
    public async Task The_last_user_message_is_searched_and_its_answer_returned_with_the_generated_tokens()
    {
        var method = new EchoMethod();
        using var client = new InferenceMethodChatClient(method, "demo");
        var response = await client.GetResponseAsync([new(ChatRole.User, "first"), new(ChatRole.Assistant, "ok"), new(ChatRole.User, "second")]);
        Assert.Equal(["second"], method.Prompts);
        Assert.Equal("answer to second", response.Text);
        Assert.Equal(17, response.Usage!.OutputTokenCount);
        Assert.Equal("demo", response.ModelId);

        var streamed = string.Concat(await client.GetStreamingResponseAsync([new(ChatRole.User, "third")]).Select(u => u.Text).ToListAsync());
        Assert.Equal("answer to third", streamed);
    }

    [Fact]
    public async Task A_conversation_without_a_user_message_is_refused()
    {
        using var client = new InferenceMethodChatClient(new EchoMethod(), "demo");
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetResponseAsync([new(ChatRole.System, "be nice")]));
    }
}
