using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Vigil.Safety.Inference.Search;
using Vigil.Safety.Verification;
using AIChatRole = Microsoft.Extensions.AI.ChatRole;

namespace Vigil.Safety.Serving;

/// <summary>
/// Serves a policy wrapped in deliberative search or value-guided intervention (any <see cref="IInferenceMethod"/>):
/// the last user message is the prompt, the method's final answer the reply (an abstention's text when it abstains).
/// A search must finish before its answer is known, so a streaming request receives the whole answer as one update.
/// Usage counts the tokens the method generated, all candidates included. One request runs at a time.
/// </summary>
public sealed class InferenceMethodChatClient(IInferenceMethod method, string modelId) : IChatClient
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string ModelId { get; } = modelId;

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var prompt = messages.LastOrDefault(m => m.Role == AIChatRole.User)?.Text
            ?? throw new ArgumentException("The conversation has no user message to answer.", nameof(messages));
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        InferenceResult result;
        try { result = await method.RunAsync(prompt, PromptKind.Unknown, cancellationToken).ConfigureAwait(false); }
        finally { _gate.Release(); }
        var id = "chatcmpl-" + Guid.NewGuid().ToString("N");
        return new ChatResponse(new ChatMessage(AIChatRole.Assistant, result.Answer) { MessageId = id })
        {
            ResponseId = id,
            ModelId = ModelId,
            CreatedAt = DateTimeOffset.UtcNow,
            FinishReason = ChatFinishReason.Stop,
            Usage = new UsageDetails { OutputTokenCount = result.Compute.GeneratedTokens, TotalTokenCount = result.Compute.GeneratedTokens },
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates()) yield return update;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose() => _gate.Dispose();
}
