using Microsoft.Extensions.AI;
using Vigil.Safety.Verification;

namespace Vigil.Safety.Verifiers.Judges;

/// <summary>
/// A verifier that asks a chat model (any <see cref="IChatClient"/>) to judge each item, <see cref="JudgeOptions.Samples"/>
/// times, and turns the parsed answers into a verdict. Answers that cannot be parsed are counted and reported; when
/// none of an item's answers parses, its verdict is <see cref="Verdict.CannotParse"/> (score 0), never a pass.
/// </summary>
public abstract class ChatJudgeVerifier<T> : IVerifier where T : struct
{
    private readonly IChatClient _client;

    protected JudgeOptions Options { get; }

    protected ChatJudgeVerifier(IChatClient client, JudgeOptions? options)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        Options = options ?? new JudgeOptions();
        Options.Validate();
    }

    public abstract string Name { get; }

    protected abstract string DefaultTemplate { get; }

    /// <summary>Reads one judge answer; null when it cannot be read.</summary>
    protected abstract T? ParseAnswer(string answer);

    /// <summary>The verdict from an item's parsed answers (at least one); <paramref name="unparsed"/> answers failed.</summary>
    protected abstract Verdict Combine(IReadOnlyList<T> parsed, int unparsed);

    public async Task<IReadOnlyList<Verdict>> VerifyAsync(IReadOnlyList<VerificationInput> batch, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var template = Options.Template ?? DefaultTemplate;
        var prompts = batch.Select(item => JudgePromptTemplates.Fill(template, item)).ToArray();
        var answers = new string?[batch.Count * Options.Samples];
        using var gate = new SemaphoreSlim(Options.MaxConcurrency);
        var calls = Enumerable.Range(0, answers.Length).Select(async slot =>
        {
            await gate.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                var messages = new[] { new ChatMessage(ChatRole.User, prompts[slot / Options.Samples]) };
                var response = await _client.GetResponseAsync(messages, Options.ChatOptions, cancellation).ConfigureAwait(false);
                answers[slot] = response.Text;
            }
            finally { gate.Release(); }
        });
        await Task.WhenAll(calls).ConfigureAwait(false);

        var verdicts = new Verdict[batch.Count];
        for (int i = 0; i < batch.Count; i++)
        {
            var parsed = new List<T>(Options.Samples);
            string? firstBad = null;
            for (int s = 0; s < Options.Samples; s++)
            {
                var answer = answers[i * Options.Samples + s] ?? "";
                if (ParseAnswer(answer) is { } value) parsed.Add(value);
                else firstBad ??= answer;
            }
            int unparsed = Options.Samples - parsed.Count;
            verdicts[i] = parsed.Count == 0
                ? Verdict.CannotParse($"{Name}: no verdict could be read from the judge's answer \"{Excerpt(firstBad ?? "")}\"")
                : Combine(parsed, unparsed);
        }
        return verdicts;
    }

    protected static string UnparsedNote(int unparsed) => unparsed == 0 ? "" : $"; {unparsed} answer(s) unparseable";

    private static string Excerpt(string text)
    {
        var flat = text.ReplaceLineEndings(" ").Trim();
        return flat.Length <= 120 ? flat : flat[..117] + "...";
    }
}
