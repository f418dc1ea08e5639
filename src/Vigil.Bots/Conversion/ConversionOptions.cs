using Vigil.Bots.Validation;

namespace Vigil.Bots.Conversion;

/// <summary>How a converter treats bad rows and splits the users.</summary>
public sealed record ConversionOptions
{
    /// <summary>The seed of the stratified split (where the source has no split of its own).</summary>
    public const long DefaultSeed = 42;

    /// <summary>Bad rows (a wrong field count, a count that is not a number, a duplicate id): an error (strict, the default) or skipped and counted.</summary>
    public ValidationPolicy Policy { get; init; } = ValidationPolicy.Strict;

    public long Seed { get; init; } = DefaultSeed;

    /// <summary>Shares of each class that go to train, valid and test (the rest) when the converter splits the users.</summary>
    public double TrainFraction { get; init; } = 0.7;
    public double ValidFraction { get; init; } = 0.2;

    /// <summary>Called with a line of progress (a file started, rows read).</summary>
    public Action<string>? Progress { get; init; }
}
