using Microsoft.Extensions.AI;
using Vigil.Safety.Data;
using Vigil.Safety.Suites;

namespace Vigil.Safety.Evaluation;

/// <summary>
/// Runs a policy — any <see cref="IChatClient"/>: an OpenAI-compatible server, an in-process model — over suite
/// prompts and collects its answers as <see cref="CompletionItem"/>s (prompt kind, suite, category and model kept),
/// in prompt order, ready for <see cref="SafetyEvaluationReport"/>. Each prompt is one single-turn chat; at most
/// <see cref="PolicyRunOptions.MaxConcurrency"/> are in flight. The first failed call stops the run with an error
/// naming the item, so a broken endpoint is not mistaken for a policy that answers nothing.
/// </summary>
public sealed class PolicySuiteRunner
{
    private readonly IChatClient _client;
    private readonly PolicyRunOptions _options;

    public PolicySuiteRunner(IChatClient client, PolicyRunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _options = options ?? new PolicyRunOptions();
        _options.Validate();
    }

    /// <param name="progress">Called with (answered, total) after each answer.</param>
    public async Task<IReadOnlyList<CompletionItem>> RunAsync(IReadOnlyList<SuitePrompt> prompts, Action<int, int>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        var results = new CompletionItem[prompts.Count];
        using var gate = new SemaphoreSlim(_options.MaxConcurrency);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        int done = 0;
        var chatOptions = new ChatOptions { MaxOutputTokens = _options.MaxTokens, Temperature = _options.Temperature, ModelId = _options.ModelId };
        async Task Answer(int i)
        {
            await gate.WaitAsync(stop.Token).ConfigureAwait(false);
            try
            {
                var prompt = prompts[i];
                var messages = new List<ChatMessage>();
                if (_options.SystemPrompt is { Length: > 0 } system) messages.Add(new ChatMessage(ChatRole.System, system));
                messages.Add(new ChatMessage(ChatRole.User, prompt.Prompt));
                ChatResponse response;
                try { response = await _client.GetResponseAsync(messages, chatOptions, stop.Token).ConfigureAwait(false); }
                catch (Exception e) when (!(e is OperationCanceledException && stop.IsCancellationRequested))
                {
                    stop.Cancel();
                    throw new InvalidOperationException($"The policy failed on {prompt.Suite} prompt {prompt.Position} (item {i}): {e.Message}", e);
                }
                results[i] = new CompletionItem(prompt.Prompt, response.Text ?? "")
                {
                    PromptKind = prompt.Kind, Suite = prompt.Suite, Category = prompt.Category, Model = _options.ModelId,
                };
                progress?.Invoke(Interlocked.Increment(ref done), prompts.Count);
            }
            finally { gate.Release(); }
        }
        var tasks = Enumerable.Range(0, prompts.Count).Select(Answer).ToArray();
        try { await Task.WhenAll(tasks).ConfigureAwait(false); }
        catch (Exception) when (!cancellation.IsCancellationRequested
                                && tasks.Select(t => t.Exception?.InnerException).OfType<InvalidOperationException>().FirstOrDefault() is { } failure)
        {
            // One item failed and stopped the rest: report that failure, not the cancellations it caused.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            throw;
        }
        return results;
    }
}
