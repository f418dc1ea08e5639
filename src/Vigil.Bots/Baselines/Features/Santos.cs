using Vigil.Bots.Baselines.Learners;
using Vigil.Bots.Benchmark;
using static Vigil.Bots.Baselines.Features.Inputs.UserFeatures;

namespace Vigil.Bots.Baselines.Features;

/// <summary>
/// Santos et al. (WWW 2019 companion), "Uncovering social media bots: a transparency-focused approach": one decision
/// tree on interpretable text features of the tweets, and of the description where a dataset has no tweets.
/// </summary>
public static class Santos
{
    public const string Paper = "Santos et al. 2019, Uncovering social media bots: a transparency-focused approach (WWW companion)";

    public static IBotDetector Create() => new TabularBaseline("Santos", Paper,
        [DescriptionLength, DescriptionUrls, DescriptionHashtags, DescriptionMentions, TweetLength, UrlsPerTweet, HashtagsPerTweet, MentionsPerTweet, DistinctTextShare, RetweetShare],
        new DecisionTreeLearner());
}
