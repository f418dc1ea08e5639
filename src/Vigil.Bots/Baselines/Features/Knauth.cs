using Vigil.Bots.Baselines.Learners;
using Vigil.Bots.Benchmark;
using static Vigil.Bots.Baselines.Features.Inputs.UserFeatures;

namespace Vigil.Bots.Baselines.Features;

/// <summary>
/// Knauth (RANLP 2019), "Language-agnostic Twitter bot detection": AdaBoost on account features (the content
/// features dropped as in TwiBot-22's reimplementation).
/// </summary>
public static class Knauth
{
    public const string Paper = "Knauth 2019, Language-agnostic Twitter bot detection (RANLP)";

    public static IBotDetector Create() => new TabularBaseline("Knauth", Paper,
        [Followers, Following, TweetCount, Listed, Verified, Protected, DefaultProfileImage, AgeDays, UsernameLength, UsernameDigits, NameLength, DescriptionLength, HasUrl, HasLocation, FollowersPerFollowing, TweetsPerDay],
        new AdaBoostLearner());
}
