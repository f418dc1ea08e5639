namespace Vigil.Bots.Generation;

/// <summary>
/// What <see cref="BotDatasetGenerator"/> makes. Defaults follow TwiBot-22 where it has a number: 14% bots, a 70/20/10
/// train/valid/test split, one list per ~46 users, a collection in early 2022.
/// </summary>
public sealed record BotDatasetGeneratorOptions
{
    public const int MinUsers = 100;
    public const int MaxUsers = 2_000_000;

    /// <summary>Number of users (1k to 1M is the intended range).</summary>
    public int Users { get; init; } = 5_000;

    public int Seed { get; init; }

    /// <summary>Share of users that are bots (TwiBot-22: 139,943 of 1,000,000).</summary>
    public double BotShare { get; init; } = 0.14;

    /// <summary>
    /// Share of bots that mimic humans: their profile, posting pattern, text and activity counts are drawn like a
    /// human's, so only their place in the graph (a coordinated cluster) gives them away. 0 makes every bot look like
    /// one. The default 0.5 follows TwiBot-22's finding that half or more of today's bots evade feature-based
    /// detectors while their neighbourhoods expose them (model version 1 defaulted to 0.3).
    /// </summary>
    public double Difficulty { get; init; } = 0.5;

    /// <summary>Mean tweets per user in the dataset (TwiBot-22 keeps about 88; bots post more than humans).</summary>
    public double TweetsPerUser { get; init; } = 12;

    /// <summary>Mean accounts each user follows within the dataset (TwiBot-22's sample has ~3.7 follow edges per user).</summary>
    public double FollowsPerUser { get; init; } = 8;

    /// <summary>Number of lists; null for one per 46 users (TwiBot-22: 21,870 for 1M users), at least 2.</summary>
    public int? Lists { get; init; }

    /// <summary>Number of distinct hashtags; null for one per 4 users, at least 200.</summary>
    public int? Hashtags { get; init; }

    /// <summary>When the data was collected: account ages and tweet times end here.</summary>
    public DateTimeOffset CollectionDate { get; init; } = new(2022, 2, 15, 0, 0, 0, TimeSpan.Zero);

    public double TrainShare { get; init; } = 0.7;
    public double ValidShare { get; init; } = 0.2;

    /// <summary>The dataset's name (the folder name when read back).</summary>
    public string Name { get; init; } = "synthetic-twibot22";

    public int ListCount => Lists ?? Math.Max(2, Users / 46);
    public int HashtagCount => Hashtags ?? Math.Max(200, Users / 4);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (Users is < MinUsers or > MaxUsers) throw new ArgumentOutOfRangeException(nameof(Users), Users, $"Users must be {MinUsers}…{MaxUsers}.");
        if (BotShare is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(BotShare), BotShare, "BotShare must be strictly between 0 and 1.");
        if (Difficulty is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(Difficulty), Difficulty, "Difficulty must be 0…1.");
        if (TweetsPerUser is < 0 or > 1000) throw new ArgumentOutOfRangeException(nameof(TweetsPerUser), TweetsPerUser, "TweetsPerUser must be 0…1000.");
        if (FollowsPerUser is < 1 or > 500) throw new ArgumentOutOfRangeException(nameof(FollowsPerUser), FollowsPerUser, "FollowsPerUser must be 1…500.");
        if (Lists is < 1) throw new ArgumentOutOfRangeException(nameof(Lists), Lists, "Lists must be at least 1.");
        // Every topic, the bots' promotion topic included, needs hashtags of its own.
        if (Hashtags is < 100) throw new ArgumentOutOfRangeException(nameof(Hashtags), Hashtags, "Hashtags must be at least 100.");
        if (TrainShare <= 0 || ValidShare < 0 || TrainShare + ValidShare >= 1)
            throw new ArgumentOutOfRangeException(nameof(TrainShare), $"TrainShare {TrainShare} and ValidShare {ValidShare} must leave a positive test share.");
        if ((long)(Users * TweetsPerUser * 3) > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(TweetsPerUser), $"{Users} users × {TweetsPerUser} tweets exceeds the tweet table's row limit.");
    }
}
