using Vigil.Bots.Baselines.Learners;
using Vigil.Bots.Benchmark;
using static Vigil.Bots.Baselines.Features.Inputs.UserFeatures;

namespace Vigil.Bots.Baselines.Features;

/// <summary>
/// Abreu et al. (IEEE CSCI 2020), "Twitter bot detection with reduced feature set": a random forest on five profile
/// counts (statuses, followers, friends, favourites, listed; TwiBot keeps no favourites count).
/// </summary>
public static class Abreu
{
    public const string Paper = "Abreu et al. 2020, Twitter bot detection with reduced feature set (IEEE ISI)";

    public static IBotDetector Create() => new TabularBaseline("Abreu", Paper,
        [TweetCount, Followers, Following, Listed],
        new RandomForestLearner());
}
