using Vigil.Bots.Baselines.Learners;
using Vigil.Bots.Benchmark;
using static Vigil.Bots.Baselines.Features.Inputs.UserFeatures;

namespace Vigil.Bots.Baselines.Features;

/// <summary>
/// Lee, Eoff &amp; Caverlee (ICWSM 2011), "Seven months with the devils": a random forest on user demographics
/// (screen-name and description length, account age), friendship network (following, followers, their ratio) and
/// content (tweet rate, links, mentions and hashtags per tweet, duplicated tweets, tweet gaps).
/// </summary>
public static class Lee
{
    public const string Paper = "Lee, Eoff & Caverlee 2011, Seven months with the devils: a long-term study of content polluters on Twitter (ICWSM)";

    public static IBotDetector Create() => new TabularBaseline("Lee", Paper,
        [UsernameLength, DescriptionLength, AgeDays, Following, Followers, FollowersPerFollowing, TweetCount, TweetsPerDay, UrlsPerTweet, MentionsPerTweet, HashtagsPerTweet, DistinctTextShare, RetweetShare, GapMeanHours, GapStdHours],
        new RandomForestLearner());
}
