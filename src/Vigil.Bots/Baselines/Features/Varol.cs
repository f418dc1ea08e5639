using Vigil.Bots.Baselines.Learners;
using Vigil.Bots.Benchmark;
using static Vigil.Bots.Baselines.Features.Inputs.UserFeatures;

namespace Vigil.Bots.Baselines.Features;

/// <summary>
/// Varol et al. (ICWSM 2017), "Online human-bot interactions" (Botometer's feature classes): a random forest on user
/// metadata, friends (network size and composition), temporal patterns and content of the tweets.
/// </summary>
public static class Varol
{
    public const string Paper = "Varol et al. 2017, Online human-bot interactions: detection, estimation, and characterization (ICWSM)";

    public static IBotDetector Create() => new TabularBaseline("Varol", Paper,
        [Followers, Following, TweetCount, Listed, AgeDays, TweetsPerDay, FollowersPerDay, FollowingPerDay, FollowersPerFollowing, UsernameLength, NameLength, DescriptionLength, DefaultProfileImage, Verified, Protected, HasUrl, RetweetShare, ReplyShare, QuoteShare, UrlsPerTweet, HashtagsPerTweet, MentionsPerTweet, LikesPerTweet, RetweetedPerTweet, SourceCount, GapMeanHours, GapStdHours, TweetLength, FriendsInData, FollowersInData, Reciprocity, FriendFollowersMean, FriendFollowingMean],
        new RandomForestLearner());
}
