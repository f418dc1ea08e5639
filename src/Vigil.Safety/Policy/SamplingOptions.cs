namespace Vigil.Safety.Policy;

/// <summary>
/// How to sample a completion. Temperature 0 means greedy. Generation stops at the end-of-sequence token, at the first
/// occurrence of any <see cref="StopStrings"/> entry (which is kept in the text), or after <see cref="MaxNewTokens"/>.
/// </summary>
public sealed record SamplingOptions
{
    public int MaxNewTokens { get; init; } = 128;
    public double Temperature { get; init; } = 1.0;
    public double TopP { get; init; } = 1.0;
    public IReadOnlyList<string> StopStrings { get; init; } = Array.Empty<string>();
    public long Seed { get; init; } = 0;
}
