using Microsoft.Extensions.AI;

namespace Vigil.Safety.Verifiers.Judges;

/// <summary>
/// How a chat-model judge is asked. <see cref="Samples"/> answers per item estimate the verdict probabilities
/// (P(good), P(TRUE), label frequencies) when the client gives no token probabilities; 1 gives a hard verdict.
/// </summary>
public sealed record JudgeOptions
{
    public int Samples { get; init; } = 1;
    /// <summary>Chat options for each call (model id, temperature, max tokens); null uses the client's defaults.</summary>
    public ChatOptions? ChatOptions { get; init; }
    /// <summary>Calls in flight at once across the batch.</summary>
    public int MaxConcurrency { get; init; } = 4;
    /// <summary>The prompt template; null uses the verifier's built-in one (<see cref="JudgePromptTemplates"/>).</summary>
    public string? Template { get; init; }

    internal void Validate()
    {
        if (Samples < 1) throw new ArgumentOutOfRangeException(nameof(Samples), $"A judge needs at least 1 sample per item, got {Samples}.");
        if (MaxConcurrency < 1) throw new ArgumentOutOfRangeException(nameof(MaxConcurrency), $"Concurrency must be at least 1, got {MaxConcurrency}.");
        if (Template is not null && !Template.Contains("{response}", StringComparison.Ordinal))
            throw new ArgumentException("A judge template must contain the {response} placeholder.", nameof(Template));
    }
}
