namespace Vigil.Safety.Evaluation;

/// <summary>Settings of a <see cref="PolicySuiteRunner"/> run.</summary>
public sealed record PolicyRunOptions
{
    /// <summary>Requests in flight at once.</summary>
    public int MaxConcurrency { get; init; } = 4;
    /// <summary>Most tokens the policy may generate per prompt.</summary>
    public int MaxTokens { get; init; } = 256;
    /// <summary>Sampling temperature; 0 asks for greedy decoding, so a run is repeatable where the server allows.</summary>
    public float Temperature { get; init; }
    /// <summary>Model name sent with each request (OpenAI-compatible servers route by it) and recorded on each item.</summary>
    public string? ModelId { get; init; }
    /// <summary>An optional system message put before each prompt.</summary>
    public string? SystemPrompt { get; init; }

    internal void Validate()
    {
        if (MaxConcurrency < 1) throw new ArgumentOutOfRangeException(nameof(MaxConcurrency), $"Concurrency must be at least 1, got {MaxConcurrency}.");
        if (MaxTokens < 1) throw new ArgumentOutOfRangeException(nameof(MaxTokens), $"Max tokens must be at least 1, got {MaxTokens}.");
        if (!(Temperature >= 0) || float.IsInfinity(Temperature)) throw new ArgumentOutOfRangeException(nameof(Temperature), $"Temperature must be a finite number ≥ 0, got {Temperature}.");
    }
}
