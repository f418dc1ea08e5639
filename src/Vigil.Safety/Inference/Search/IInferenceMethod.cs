using Vigil.Safety.Verification;

namespace Vigil.Safety.Inference.Search;

/// <summary>A way to answer a prompt at some compute budget: plain sampling, best-of-N, beam search, value-guided steps.</summary>
public interface IInferenceMethod
{
    /// <summary>Short snake_case name for reports.</summary>
    string Name { get; }

    Task<InferenceResult> RunAsync(string prompt, PromptKind kind, CancellationToken cancellation = default);
}
