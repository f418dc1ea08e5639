using Vigil.Bots.Baselines.Learners;
using Vigil.Bots.Benchmark;
using static Vigil.Bots.Baselines.Features.Inputs.UserFeatures;

namespace Vigil.Bots.Baselines.Features;

/// <summary>
/// Kantepe &amp; Ganiz (UBMK 2017), "Preprocessing framework for Twitter bot detection": profile and tweet
/// features; TwiBot-22 found a random forest best, as here.
/// </summary>
public static class Kantepe
{
    public const string Paper = "Kantepe & Ganiz 2017, Preprocessing framework for Twitter bot detection (UBMK)";

    public static IBotDetector Create() => new TabularBaseline("Kantepe", Paper,
        [Followers, Following, FollowersPerFollowing, TweetCount, TweetsPerDay, AgeDays, DescriptionLength, UsernameLength, Listed, RetweetShare, ReplyShare, UrlsPerTweet, HashtagsPerTweet, MentionsPerTweet, TweetLength, DistinctTextShare, SourceCount],
        new RandomForestLearner());
}
