using Vigil.Bots.Benchmark;
using Vigil.Bots.Data;

namespace Vigil.Bots.Baselines.Features.Inputs;

/// <summary>
/// Who a user befriends, from the user–user edges (Moghaddam &amp; Abbaspour 2022, "Friendship preference"): per user,
/// the number of friends and followers in the data, the share of follows returned, and the mean and spread of the
/// friends' log follower, following and tweet counts and account ages, and their share of verified accounts.
/// A friend is someone the user follows: the target of the user's <c>following</c>, <c>follow</c> or <c>friend</c>
/// edge, or the source of a <c>followers</c> edge that names the user as follower's target.
/// </summary>
public sealed class FriendshipPreference
{
    private FriendshipPreference(int users)
    {
        Friends = new int[users];
        Followers = new int[users];
        Reciprocity = new double[users];
        FriendLogFollowers = new (double, double)[users];
        FriendLogFollowing = new (double, double)[users];
        FriendLogTweets = new (double, double)[users];
        FriendAgeDays = new (double, double)[users];
        FriendVerifiedShare = new double[users];
    }

    public int[] Friends { get; }
    public int[] Followers { get; }
    public double[] Reciprocity { get; }
    public (double Mean, double Std)[] FriendLogFollowers { get; }
    public (double Mean, double Std)[] FriendLogFollowing { get; }
    public (double Mean, double Std)[] FriendLogTweets { get; }
    public (double Mean, double Std)[] FriendAgeDays { get; }
    public double[] FriendVerifiedShare { get; }

    public static FriendshipPreference Of(BotDetectionTask task) => task.Cache(Build);

    private static FriendshipPreference Build(BotDetectionTask task)
    {
        var data = task.Dataset;
        int n = data.Users.Count;
        var friendSets = new HashSet<int>?[n];
        void Befriend(int user, int friend)
        {
            if (user == friend) return;
            (friendSets[user] ??= new HashSet<int>()).Add(friend);
        }
        foreach (var relation in BotRelations.UserFollow)
        {
            var edges = data.Edges(relation);
            var sources = edges.Sources;
            var targets = edges.Targets;
            for (int e = 0; e < edges.Count; e++)
            {
                // TwiBot-22: (a, followers, b) says b follows a; the other relations say the source follows the target.
                if (relation == BotRelation.Followers) Befriend(targets[e], sources[e]);
                else Befriend(sources[e], targets[e]);
            }
        }
        var result = new FriendshipPreference(n);
        for (int u = 0; u < n; u++)
            if (friendSets[u] is { } set)
                foreach (int f in set) result.Followers[f]++;

        var users = data.Users;
        var values = new List<double>();
        for (int u = 0; u < n; u++)
        {
            var set = friendSets[u];
            if (set is null) continue;
            result.Friends[u] = set.Count;
            int mutual = set.Count(f => friendSets[f]?.Contains(u) == true);
            result.Reciprocity[u] = (double)mutual / set.Count;
            result.FriendLogFollowers[u] = Spread(set, f => double.LogP1(Math.Max(0, users.FollowersCount[f])), values);
            result.FriendLogFollowing[u] = Spread(set, f => double.LogP1(Math.Max(0, users.FollowingCount[f])), values);
            result.FriendLogTweets[u] = Spread(set, f => double.LogP1(Math.Max(0, users.TweetCount[f])), values);
            result.FriendAgeDays[u] = Spread(set, f => ProfileValues.AgeDays(task, f), values);
            result.FriendVerifiedShare[u] = (double)set.Count(f => users.Verified[f]) / set.Count;
        }
        return result;
    }

    private static (double, double) Spread(HashSet<int> friends, Func<int, double> value, List<double> buffer)
    {
        buffer.Clear();
        foreach (int f in friends) buffer.Add(value(f));
        double mean = buffer.Average();
        double variance = buffer.Sum(v => (v - mean) * (v - mean)) / buffer.Count;
        return (mean, Math.Sqrt(variance));
    }
}
