using Vigil.Bots.Baselines.Learners;
using Vigil.Bots.Benchmark;
using static Vigil.Bots.Baselines.Features.Inputs.UserFeatures;

namespace Vigil.Bots.Baselines.Features;

/// <summary>
/// Echeverría et al. (ACSAC 2018), LOBO, "Evaluation of generalization deficiencies in Twitter bot classifiers": a
/// random forest on user features and tweet aggregates.
/// </summary>
public static class Lobo
{
    public const string Paper = "Echeverria et al. 2018, LOBO: evaluation of generalization deficiencies in Twitter bot classifiers (ACSAC)";

    public static IBotDetector Create() => new TabularBaseline("LOBO", Paper,
        [Followers, Following, TweetCount, Listed, AgeDays, FollowersPerFollowing, TweetsPerDay, UsernameLength, UsernameDigits, NameLength, DescriptionLength, HasUrl, HasLocation, Verified, Protected, DefaultProfileImage, TweetsInData, RetweetShare, ReplyShare, QuoteShare, UrlsPerTweet, HashtagsPerTweet, MentionsPerTweet, LikesPerTweet, RetweetedPerTweet, SourceCount],
        new RandomForestLearner());
}
