using Microsoft.Extensions.AI;

namespace Vigil.Safety.Inference.Steps;

/// <summary>
/// Steps from any chat model behind an <see cref="IChatClient"/>: the request ends with the trace's prefix as a partial
/// assistant message for the server to continue (vLLM, llama.cpp and <c>vigil safety serve</c> do), with the step end
/// as stop sequence; k candidates are k concurrent calls. OpenAI-style servers drop the stop sequence from the text
/// and do not say which stop fired, so a turn counts as ended only when a step was not requested. Tokens come from the
/// server's usage report; without one they are estimated as characters / 4.
/// </summary>
public sealed class ChatClientStepGenerator : StepGeneratorBase
{
    private readonly IChatClient _client;
    private readonly ChatOptions _options;

    public ChatClientStepGenerator(IChatClient client, ChatOptions? options = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _options = options ?? new ChatOptions();
    }

    protected override async Task<IReadOnlyList<RawCompletion>> CompleteAsync(
        string prompt, string assistantPrefix, int count, IReadOnlyList<string> stopStrings, CancellationToken cancellation)
    {
        var messages = new[] { new ChatMessage(ChatRole.User, prompt), new ChatMessage(ChatRole.Assistant, assistantPrefix) };
        var calls = Enumerable.Range(0, count).Select(async _ =>
        {
            var options = _options.Clone();
            options.StopSequences = stopStrings.Concat(_options.StopSequences ?? []).ToList();
            var response = await _client.GetResponseAsync(messages, options, cancellation).ConfigureAwait(false);
            var text = response.Text;
            int tokens = (int?)response.Usage?.OutputTokenCount ?? (text.Length + 3) / 4;
            bool ended = stopStrings.Count == 0 && response.FinishReason != ChatFinishReason.Length;
            return new RawCompletion(text, ended, tokens);
        });
        return await Task.WhenAll(calls).ConfigureAwait(false);
    }
}
