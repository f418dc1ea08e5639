using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Vigil.Tests.Safety;

/// <summary>A fake judge model: answers each call from a function of the prompt it was sent, and records the prompts.</summary>
internal sealed class ScriptedChatClient : IChatClient
{
    private readonly Func<string, int, string> _answer;
    private int _calls;

    public List<string> Prompts { get; } = new();
    /// <summary>The options each call was sent with, in call order.</summary>
    public List<ChatOptions?> Options { get; } = new();

    /// <param name="answer">(prompt text, call number) → the judge's answer</param>
    public ScriptedChatClient(Func<string, int, string> answer) => _answer = answer;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var prompt = string.Join("\n", messages.Select(m => m.Text));
        int call;
        lock (Prompts) { Prompts.Add(prompt); Options.Add(options); call = _calls++; }
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, _answer(prompt, call))));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates()) yield return update;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose() { }
}
