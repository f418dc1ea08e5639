using Vigil.Safety.Policy;

namespace Vigil.Safety.Inference.Steps;

/// <summary>
/// Steps from an in-process <see cref="ITextGenerator"/>: the prompt goes through the chat template, the trace's
/// prefix follows the assistant header, and the k candidates are one batch. Each call advances the seed so repeated
/// proposals from the same prefix differ while a run stays reproducible.
/// </summary>
public sealed class TextGeneratorStepGenerator : StepGeneratorBase
{
    private readonly ITextGenerator _generator;
    private readonly ChatTemplate _template;
    private readonly SamplingOptions _sampling;
    private long _calls;

    public TextGeneratorStepGenerator(ITextGenerator generator, ChatTemplate template, SamplingOptions sampling)
    {
        _generator = generator ?? throw new ArgumentNullException(nameof(generator));
        _template = template ?? throw new ArgumentNullException(nameof(template));
        _sampling = sampling ?? throw new ArgumentNullException(nameof(sampling));
    }

    protected override Task<IReadOnlyList<RawCompletion>> CompleteAsync(
        string prompt, string assistantPrefix, int count, IReadOnlyList<string> stopStrings, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        var text = _template.Prompt(prompt) + assistantPrefix;
        var options = _sampling with
        {
            StopStrings = stopStrings.Append(_template.StopText).ToArray(),
            Seed = _sampling.Seed + Interlocked.Increment(ref _calls) - 1,
        };
        var sequences = _generator.Generate(Enumerable.Repeat(text, count).ToArray(), options);
        IReadOnlyList<RawCompletion> result = sequences.Select(s => Read(s, stopStrings)).ToArray();
        return Task.FromResult(result);
    }

    /// <summary>The completion with the end-of-turn marker removed; the turn ended when generation stopped on anything but a step stop.</summary>
    private RawCompletion Read(GeneratedSequence sequence, IReadOnlyList<string> stepStops)
    {
        var text = sequence.Text;
        bool endOfTurn = text.EndsWith(_template.StopText, StringComparison.Ordinal);
        if (endOfTurn) text = text[..^_template.StopText.Length];
        bool stepStop = !endOfTurn && stepStops.Any(s => text.EndsWith(s, StringComparison.Ordinal));
        bool ended = sequence.FinishReason == FinishReason.Stop && !stepStop;
        return new RawCompletion(text, ended, sequence.CompletionIds.Length);
    }
}
