using Vigil.Bots.Benchmark;

namespace Vigil.Bots.Baselines.Features.Inputs;

/// <summary>What a feature is computed from; a dataset offers some of these (<see cref="FeatureInputs.Available"/>).</summary>
[Flags]
public enum FeatureInput
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

public static class FeatureInputs
{
    /// <summary>The inputs <paramref name="task"/>'s dataset has: tweets only when some have a known author.</summary>
    public static FeatureInput Available(BotDetectionTask task) => task.Cache(t =>
    {
        var inputs = FeatureInput.Profile;
        if (UserActivity.Of(t).HasTweets)
        {
            inputs |= FeatureInput.Tweets;
            if (t.Dataset.Tweets.HasText) inputs |= FeatureInput.TweetText;
        }
        if (t.HasUserEdges) inputs |= FeatureInput.UserEdges;
        return new Box(inputs);
    }).Value;

    // The task cache holds reference types.
    private sealed record Box(FeatureInput Value);
}
