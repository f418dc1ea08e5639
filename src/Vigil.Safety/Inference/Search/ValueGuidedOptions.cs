namespace Vigil.Safety.Inference.Search;

/// <summary>Value-guided intervention: <see cref="Candidates"/> proposals per step, up to <see cref="Resamples"/> extra
/// rounds when a gate masks them all, at most <see cref="MaxSteps"/> steps before the answer is forced.</summary>
public sealed record ValueGuidedOptions
{
    public int Candidates { get; init; } = 4;
    public int Resamples { get; init; } = 1;
    public int MaxSteps { get; init; } = 8;

    public ValueGuidedOptions Validated()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Candidates, 1, nameof(Candidates));
        ArgumentOutOfRangeException.ThrowIfNegative(Resamples, nameof(Resamples));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSteps, 1, nameof(MaxSteps));
        return this;
    }
}
