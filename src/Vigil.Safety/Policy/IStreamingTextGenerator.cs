namespace Vigil.Safety.Policy;

/// <summary>
/// A text generator that can report a completion while it is being sampled. Optional: <see cref="ITextGenerator"/>
/// stays the contract every generator meets, and callers that stream (the chat server) fall back to the whole
/// completion at once for generators that do not implement this.
/// </summary>
public interface IStreamingTextGenerator : ITextGenerator
{
    /// <summary>
    /// Samples one completion of <paramref name="prompt"/> like <see cref="ITextGenerator.Generate"/>, calling
    /// <paramref name="onText"/> with each new piece of decoded text as soon as it is final (see
    /// <see cref="IncrementalTextDecoder"/>). Concatenated, the pieces start with the returned
    /// <see cref="GeneratedSequence.Text"/>; they may run on past a stop string that ends inside the last token.
    /// Throws <see cref="OperationCanceledException"/> between tokens once <paramref name="cancellationToken"/> fires.
    /// </summary>
    GeneratedSequence GenerateStreaming(string prompt, SamplingOptions options, Action<string> onText, CancellationToken cancellationToken = default);
}
