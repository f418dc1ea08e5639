namespace Vigil.Safety.Policy;

/// <summary>
/// Samples completions of raw text prompts (any chat template is already applied by the caller), one per prompt, in
/// order, as one batch. Step-level search generates one reasoning step by passing the step delimiter as a stop string.
/// </summary>
public interface ITextGenerator
{
    ITextTokenizer Tokenizer { get; }

    IReadOnlyList<GeneratedSequence> Generate(IReadOnlyList<string> prompts, SamplingOptions options);
}
