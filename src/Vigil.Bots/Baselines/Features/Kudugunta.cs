using Vigil.Bots.Baselines.Learners;
using Vigil.Bots.Benchmark;
using static Vigil.Bots.Baselines.Features.Inputs.UserFeatures;

namespace Vigil.Bots.Baselines.Features;

/// <summary>
/// Kudugunta &amp; Ferrara (Information Sciences 2018), "Deep neural networks for bot detection", account-level part:
/// AdaBoost on account metadata, trained on SMOTE-balanced rows.
/// </summary>
public static class Kudugunta
{
    public const string Paper = "Kudugunta & Ferrara 2018, Deep neural networks for bot detection (Information Sciences)";

    public static IBotDetector Create() => new TabularBaseline("Kudugunta", Paper,
        [TweetCount, Followers, Following, Listed, DefaultProfileImage, Verified, Protected, FollowersPerFollowing, AgeDays],
        new AdaBoostLearner(), new Smote());
}
