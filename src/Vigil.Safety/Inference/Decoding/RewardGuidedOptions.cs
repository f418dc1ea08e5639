namespace Vigil.Safety.Inference.Decoding;

/// <summary>
/// Token-level reward-guided decoding: at each position the <see cref="TopK"/> most likely next tokens are re-scored
/// as log p(token) + <see cref="ValueWeight"/> · value(text with the token), then the best is taken (temperature 0)
/// or one is sampled from softmax(score / temperature).
/// </summary>
public sealed record RewardGuidedOptions
{
    public int TopK { get; init; } = 4;
    public double ValueWeight { get; init; } = 1.0;
    public int MaxNewTokens { get; init; } = 128;
    public double Temperature { get; init; }
    public IReadOnlyList<string> StopStrings { get; init; } = Array.Empty<string>();
    public int Seed { get; init; }

    public RewardGuidedOptions Validated()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(TopK, 1, nameof(TopK));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxNewTokens, 1, nameof(MaxNewTokens));
        if (!(double.IsFinite(ValueWeight) && ValueWeight >= 0)) throw new ArgumentOutOfRangeException(nameof(ValueWeight), ValueWeight, "The value weight must be finite and ≥ 0.");
        if (!(double.IsFinite(Temperature) && Temperature >= 0)) throw new ArgumentOutOfRangeException(nameof(Temperature), Temperature, "Temperature must be finite and ≥ 0.");
        return this;
    }
}
