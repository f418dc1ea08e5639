namespace Vigil.Safety.Inference.Search;

/// <summary>Step-level beam search: <see cref="Width"/> open beams, each expanded into <see cref="Expansions"/> candidate steps per round, for at most <see cref="MaxSteps"/> rounds.</summary>
public sealed record BeamSearchOptions
{
    public int Width { get; init; } = 2;
    public int Expansions { get; init; } = 2;
    public int MaxSteps { get; init; } = 8;

    public BeamSearchOptions Validated()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Width, 1, nameof(Width));
        ArgumentOutOfRangeException.ThrowIfLessThan(Expansions, 1, nameof(Expansions));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSteps, 1, nameof(MaxSteps));
        return this;
    }
}
