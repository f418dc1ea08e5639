using Vigil.Safety.Policy;

namespace Vigil.Tests.Safety.Demo;

/// <summary>
/// A fake policy: returns the text given for each user message (looked up by the rendered demo-template prompt), with
/// the end-of-turn marker and trailing junk appended as a real sampler would emit them, and records every call.
/// </summary>
internal sealed class FixedTextGenerator : ITextGenerator
{
    private readonly Dictionary<string, string> _replies;

    public List<(IReadOnlyList<string> Prompts, SamplingOptions Options)> Calls { get; } = new();

    public FixedTextGenerator(IReadOnlyDictionary<string, string> repliesByUserMessage) =>
        _replies = repliesByUserMessage.ToDictionary(p => ChatTemplate.Demo.Prompt(p.Key), p => p.Value);

    public ITextTokenizer Tokenizer => throw new NotSupportedException("The fixed generator has no tokenizer.");

    public IReadOnlyList<GeneratedSequence> Generate(IReadOnlyList<string> prompts, SamplingOptions options)
    {
        Calls.Add((prompts.ToArray(), options));
        return prompts.Select(p => new GeneratedSequence(Array.Empty<int>(), Array.Empty<int>(),
            _replies.TryGetValue(p, out var reply) ? reply + ChatTemplate.Demo.EndOfTurn + "<|user|>junk" : throw new KeyNotFoundException($"No reply scripted for prompt {p}"),
            FinishReason.Stop)).ToArray();
    }
}
