namespace Vigil.Bots.Features;

/// <summary>Settings of <see cref="BotFeatureExtractor"/>; all but <see cref="CacheDirectory"/>, <see cref="BatchSize"/> and <see cref="Progress"/> change the features and key the cache.</summary>
public sealed record BotFeatureOptions
{
    /// <summary>BotRGCN averages the embeddings of at most 20 tweets per user.</summary>
    public const int DefaultTweetsPerUser = 20;

    /// <summary>Tweets per user whose embeddings are averaged: the first ones in the dataset's tweet order.</summary>
    public int TweetsPerUser { get; init; } = DefaultTweetsPerUser;

    public NormalizationScope Normalization { get; init; } = NormalizationScope.AllUsers;

    /// <summary>
    /// The date "active days" count up to. Null: the latest timestamp in the dataset (account creations and tweets), a
    /// content-derived date. A z-scored feature does not change with this date (it shifts every user alike); it matters
    /// only for users without a creation time, who get the mean.
    /// </summary>
    public DateTimeOffset? CollectionDate { get; init; }

    /// <summary>Where feature files are cached (created if missing); null: no cache.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Texts per encoder call.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Called with a line of progress (stage, texts encoded).</summary>
    public Action<string>? Progress { get; init; }

    public void Validate()
    {
        if (TweetsPerUser < 0) throw new ArgumentOutOfRangeException(nameof(TweetsPerUser), $"Tweets per user must be non-negative, got {TweetsPerUser}.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), $"Batch size must be at least 1, got {BatchSize}.");
    }
}
