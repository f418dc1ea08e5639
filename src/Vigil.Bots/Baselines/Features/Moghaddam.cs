using Vigil.Bots.Baselines.Features.Inputs;
using Vigil.Bots.Baselines.Learners;
using Vigil.Bots.Benchmark;
using static Vigil.Bots.Baselines.Features.Inputs.UserFeatures;

namespace Vigil.Bots.Baselines.Features;

/// <summary>
/// Moghaddam &amp; Abbaspour (IEEE TIFS 2022), "Friendship preference": a random forest on what kind of accounts a user
/// befriends (<see cref="FriendshipPreference"/>) with the user's own counts; runs only where user–user edges exist.
/// </summary>
public static class Moghaddam
{
    public const string Paper = "Moghaddam & Abbaspour 2022, Friendship preference: scalable and robust category of features for social bot detection (IEEE TDSC)";

    public static IBotDetector Create() => new TabularBaseline("Moghaddam", Paper,
        [Followers, Following, TweetCount, FriendsInData, FollowersInData, Reciprocity, FriendFollowersMean, FriendFollowersStd,
         FriendFollowingMean, FriendFollowingStd, FriendTweetsMean, FriendTweetsStd, FriendAgeMean, FriendAgeStd, FriendVerifiedShare],
        new RandomForestLearner(), required: DataInput.Profile | DataInput.UserEdges);
}
