using System.Globalization;

namespace Vigil.Core.Text.Hashed;

/// <summary>Settings of <see cref="HashedNgramEncoder"/>; all but the parallelism change the vectors.</summary>
public sealed record HashedNgramOptions
{
    public int Dimension { get; init; } = 384;
    /// <summary>Word n-gram orders, inclusive (unigrams and bigrams by default).</summary>
    public int MinWordN { get; init; } = 1;
    public int MaxWordN { get; init; } = 2;
    /// <summary>Character n-gram orders, inclusive, counted inside each space-padded word.</summary>
    public int MinCharN { get; init; } = 3;
    public int MaxCharN { get; init; } = 5;
    /// <summary>Weights of the separately normalised word and character parts before the final normalisation.</summary>
    public float WordWeight { get; init; } = 1f;
    public float CharWeight { get; init; } = 1f;
    /// <summary>Hash seed: a different seed gives an independent random projection.</summary>
    public long Seed { get; init; }
    /// <summary>Threads one <see cref="HashedNgramEncoder.Encode"/> call may use.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    public void Validate()
    {
        if (Dimension < 1) throw new ArgumentOutOfRangeException(nameof(Dimension), $"Dimension must be at least 1, got {Dimension}.");
        if (MinWordN < 1 || MaxWordN < MinWordN)
            throw new ArgumentOutOfRangeException(nameof(MinWordN), $"Word n-gram orders must satisfy 1 ≤ min ≤ max, got {MinWordN}–{MaxWordN}.");
        if (MinCharN < 1 || MaxCharN < MinCharN)
            throw new ArgumentOutOfRangeException(nameof(MinCharN), $"Character n-gram orders must satisfy 1 ≤ min ≤ max, got {MinCharN}–{MaxCharN}.");
        if (!(WordWeight >= 0) || !(CharWeight >= 0) || WordWeight + CharWeight == 0 || float.IsInfinity(WordWeight) || float.IsInfinity(CharWeight))
            throw new ArgumentOutOfRangeException(nameof(WordWeight), $"Word and character weights must be finite, non-negative and not both 0, got {WordWeight} and {CharWeight}.");
        if (MaxDegreeOfParallelism < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), $"Parallelism must be at least 1, got {MaxDegreeOfParallelism}.");
    }

    /// <summary>
    /// The encoder name: every output-changing setting, plus a version that must be bumped whenever the
    /// normalisation or hashing changes, so caches never mix vectors of two algorithms.
    /// </summary>
    public string EncoderName => string.Create(CultureInfo.InvariantCulture,
        $"hashed-ngram-v1(w{MinWordN}-{MaxWordN},c{MinCharN}-{MaxCharN},ww{WordWeight:R},cw{CharWeight:R},seed{Seed})");
}
