using Vigil.Bots.Benchmark;

namespace Vigil.Bots.Baselines.Features.Inputs;

/// <summary>What a feature is computed from; a dataset offers some of these (<see cref="DataInputs.Available"/>).</summary>
[Flags]
public enum DataInput
{
    /// <summary>The user object's fields (counts, dates, names, description, flags): every dataset has it.</summary>
    Profile = 1,
    /// <summary>The users' tweets as records (types, entity counts, times, sources).</summary>
    Tweets = 2,
    /// <summary>The tweets' texts.</summary>
    TweetText = 4,
    /// <summary>User–user follow edges.</summary>
    UserEdges = 8,
}

public static class DataInputs
{
    /// <summary>The inputs <paramref name="task"/>'s dataset has: tweets only when some have a known author.</summary>
    public static DataInput Available(BotDetectionTask task) => task.Cache(t =>
    {
        var inputs = DataInput.Profile;
        if (UserActivity.Of(t).HasTweets)
        {
            inputs |= DataInput.Tweets;
            if (t.Dataset.Tweets.HasText) inputs |= DataInput.TweetText;
        }
        if (t.HasUserEdges) inputs |= DataInput.UserEdges;
        return new Box(inputs);
    }).Value;

    // The task cache holds reference types.
    private sealed record Box(DataInput Value);
}
