using Vigil.Bots.Baselines.Learners;
using Vigil.Bots.Benchmark;
using static Vigil.Bots.Baselines.Features.Inputs.UserFeatures;

namespace Vigil.Bots.Baselines.Features;

/// <summary>
/// Efthimion, Payne &amp; Proferes (SMU Data Science Review 2018), "Supervised machine learning bot detection
/// techniques to identify social Twitter bots": logistic regression on a default profile image, screen-name and
/// description length, the following/followers ratio, the tweet count and duplicated tweets (Levenshtein distances
/// between tweets dropped for time, as in TwiBot-22).
/// </summary>
public static class Efthimion
{
    public const string Paper = "Efthimion, Payne & Proferes 2018, Supervised machine learning bot detection techniques to identify social Twitter bots (SMU Data Science Review)";

    public static IBotDetector Create() => new TabularBaseline("Efthimion", Paper,
        [DefaultProfileImage, UsernameLength, DescriptionLength, FollowingPerFollowers, TweetCount, DistinctTextShare],
        new LogisticRegressionLearner());
}
