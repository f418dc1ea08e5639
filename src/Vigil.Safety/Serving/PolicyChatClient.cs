using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.AI;
using Vigil.Safety.Policy;
using AIChatRole = Microsoft.Extensions.AI.ChatRole;
using PolicyRole = Vigil.Safety.Policy.ChatRole;

namespace Vigil.Safety.Serving;

/// <summary>
/// An in-process policy as an <see cref="IChatClient"/>: renders the conversation with the policy's
/// <see cref="ChatTemplate"/>, samples one completion with the <see cref="ITextGenerator"/> and cuts it at the first
/// stop sequence (the template's end of turn, the end-of-sequence token's text, and the caller's stop sequences).
/// Generation runs one request at a time (a policy samples one batch at a time and is not thread-safe); waiting
/// requests queue in arrival order. Streaming is incremental when the generator implements
/// <see cref="IStreamingTextGenerator"/>, otherwise the whole completion arrives as one update.
/// </summary>
public sealed class PolicyChatClient : IChatClient
{
    private readonly ITextGenerator _generator;
    private readonly ChatTemplate _template;
    private readonly ChatClientMetadata _metadata;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public PolicyChatClient(ITextGenerator generator, ChatTemplate template, string modelId)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        _generator = generator;
        _template = template;
        ModelId = modelId;
        _metadata = new ChatClientMetadata("vigil", providerUri: null, defaultModelId: modelId);
    }

    public string ModelId { get; }

    /// <summary>Completion length when the caller sets no <see cref="ChatOptions.MaxOutputTokens"/>.</summary>
    public int DefaultMaxOutputTokens { get; init; } = 256;

    /// <summary>The generator and template behind this client (search and intervention wrap them).</summary>
    public ITextGenerator Generator => _generator;

    public ChatTemplate Template => _template;

    /// <summary>Longest rendered prompt, in tokens, that is accepted (the policy's context); null for no limit.</summary>
    public int? MaxPromptTokens { get; init; }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = Prepare(messages, options);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        GeneratedSequence sequence;
        try { sequence = await Task.Run(() => GenerateOne(request, static _ => { }, cancellationToken), cancellationToken).ConfigureAwait(false); }
        finally { _gate.Release(); }

        var text = StopSequenceFilter.Cut(sequence.Text, request.Stops, out bool stopped);
        var id = NewResponseId();
        return new ChatResponse(new ChatMessage(AIChatRole.Assistant, text) { MessageId = id })
        {
            ResponseId = id,
            ModelId = ModelId,
            CreatedAt = DateTimeOffset.UtcNow,
            FinishReason = Finish(sequence, stopped),
            Usage = Usage(sequence),
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = Prepare(messages, options);
        var id = NewResponseId();
        var created = DateTimeOffset.UtcNow;
        ChatResponseUpdate Update(string text) =>
            new(AIChatRole.Assistant, text) { ResponseId = id, MessageId = id, ModelId = ModelId, CreatedAt = created };

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var pieces = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        // Cancelled when the consumer stops early (client gone), so the policy does not sample for nobody.
        var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var generation = Task.Run(() =>
        {
            try { return GenerateOne(request, piece => pieces.Writer.TryWrite(piece), abandon.Token); }
            finally
            {
                pieces.Writer.TryComplete();
                _gate.Release();
            }
        });
        try
        {
            var filter = new StopSequenceFilter(request.Stops);
            await foreach (var piece in pieces.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var text = filter.Push(piece);
                if (text.Length > 0) yield return Update(text);
            }
            var sequence = await generation.ConfigureAwait(false);
            var rest = filter.Flush();
            if (rest.Length > 0) yield return Update(rest);
            var last = Update("");
            last.Contents = [new UsageContent(Usage(sequence))];
            last.FinishReason = Finish(sequence, filter.Stopped);
            yield return last;
        }
        finally
        {
            abandon.Cancel();
            _ = generation.ContinueWith(_ => abandon.Dispose(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null) return null;
        if (serviceType == typeof(ChatClientMetadata)) return _metadata;
        if (serviceType.IsInstanceOfType(this)) return this;
        if (serviceType.IsInstanceOfType(_generator)) return _generator;
        return null;
    }

    /// <summary>The generator is the caller's; only the queue is released here.</summary>
    public void Dispose() => _gate.Dispose();

    private sealed record PreparedRequest(string Prompt, SamplingOptions Sampling, IReadOnlyList<string> Stops);

    private PreparedRequest Prepare(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var turns = new List<ChatTurn>();
        if (!string.IsNullOrEmpty(options?.Instructions)) turns.Add(new ChatTurn(PolicyRole.System, options.Instructions));
        foreach (var message in messages) turns.Add(new ChatTurn(Role(message.Role), message.Text));
        if (turns.Count == 0) throw new ArgumentException("The conversation has no messages.", nameof(messages));
        var prompt = _template.Render(turns);

        if (MaxPromptTokens is { } limit)
        {
            int promptTokens = _generator.Tokenizer.Encode(prompt).Count;
            if (promptTokens > limit) throw new PromptTooLongException(promptTokens, limit);
        }

        int maxTokens = options?.MaxOutputTokens ?? DefaultMaxOutputTokens;
        if (maxTokens < 1) throw new ArgumentException($"MaxOutputTokens must be at least 1, not {maxTokens}.", nameof(options));
        var stops = new List<string> { _template.StopText };
        var endOfSequence = _generator.Tokenizer.Decode([_generator.Tokenizer.EndOfSequenceId]);
        if (!string.IsNullOrWhiteSpace(endOfSequence)) stops.Add(endOfSequence);
        if (options?.StopSequences is { } extra) stops.AddRange(extra.Where(s => !string.IsNullOrEmpty(s)));
        var sampling = new SamplingOptions
        {
            MaxNewTokens = maxTokens,
            Temperature = options?.Temperature ?? 1.0,
            TopP = options?.TopP ?? 1.0,
            StopStrings = stops.Distinct().ToArray(),
            // Unseeded requests sample differently each time, as with any chat API.
            Seed = options?.Seed ?? Random.Shared.NextInt64(),
        };
        return new PreparedRequest(prompt, sampling, sampling.StopStrings);
    }

    private static PolicyRole Role(AIChatRole role)
    {
        if (role == AIChatRole.System) return PolicyRole.System;
        if (role == AIChatRole.User) return PolicyRole.User;
        if (role == AIChatRole.Assistant) return PolicyRole.Assistant;
        throw new ArgumentException($"Messages with role '{role.Value}' are not supported; use system, user or assistant.", "messages");
    }

    private GeneratedSequence GenerateOne(PreparedRequest request, Action<string> onText, CancellationToken cancellationToken)
    {
        if (_generator is IStreamingTextGenerator streaming)
            return streaming.GenerateStreaming(request.Prompt, request.Sampling, onText, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var sequence = _generator.Generate([request.Prompt], request.Sampling)[0];
        onText(sequence.Text);
        return sequence;
    }

    private static ChatFinishReason Finish(GeneratedSequence sequence, bool cutAtStop) =>
        cutAtStop || sequence.FinishReason == FinishReason.Stop ? ChatFinishReason.Stop : ChatFinishReason.Length;

    private static UsageDetails Usage(GeneratedSequence sequence) => new()
    {
        InputTokenCount = sequence.PromptIds.Length,
        OutputTokenCount = sequence.CompletionIds.Length,
        TotalTokenCount = sequence.PromptIds.Length + sequence.CompletionIds.Length,
    };

    private static string NewResponseId() => "chatcmpl-" + Guid.NewGuid().ToString("N");
}
