using Vigil.Bots.Baselines.Learners;
using Vigil.Bots.Benchmark;
using static Vigil.Bots.Baselines.Features.Inputs.UserFeatures;

namespace Vigil.Bots.Baselines.Features;

/// <summary>
/// Yang et al. (AAAI 2020), SGBot, "Scalable and generalizable social bot detection through data selection": a
/// random forest on profile metadata and derived rates (counts per day of age, follower/following ratio, name and
/// screen-name lengths and digits, description length). Favourites and the screen-name likelihood need data the
/// TwiBot format does not keep.
/// </summary>
public static class SgBot
{
    public const string Paper = "Yang et al. 2020, Scalable and generalizable social bot detection through data selection (AAAI)";

    public static IBotDetector Create() => new TabularBaseline("SGBot", Paper,
        [TweetCount, Followers, Following, Listed, DefaultProfileImage, Verified, Protected, TweetsPerDay, FollowersPerDay, FollowingPerDay, ListedPerDay, FollowersPerFollowing, UsernameLength, UsernameDigits, NameLength, NameDigits, DescriptionLength],
        new RandomForestLearner());
}
