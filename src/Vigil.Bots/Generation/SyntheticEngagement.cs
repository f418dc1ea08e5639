using Vigil.Bots.Data;

namespace Vigil.Bots.Generation;

/// <summary>
/// The user → user follow edges and the user → tweet likes. A follow a→b is recorded once, as <c>following</c> a→b or
/// (as TwiBot-22 samples both directions) as <c>followers</c> b→a, "b has follower a". Humans like tweets of people
/// they follow; bots, mimics included, like their cluster's tweets to amplify them (mimics no more often than humans).
/// </summary>
internal static class SyntheticEngagement
{
    public static void AddFollows(SyntheticPopulation people, FollowGraph follows, BotDataset dataset)
    {
        var (followers, following) = (dataset.Edges(BotRelation.Followers), dataset.Edges(BotRelation.Following));
        for (int u = 0; u < people.Count; u++)
        {
            var rng = new GeneratorRandom(people.Options.Seed, GeneratorStream.Follows, -1L - u);
            foreach (int v in follows.Followees(u))
            {
                if (rng.Chance(0.6)) following.Add(u, v);
                else followers.Add(v, u);
            }
        }
    }

    public static void AddLikes(SyntheticPopulation people, FollowGraph follows, BotDataset dataset)
    {
        var like = dataset.Edges(BotRelation.Like);
        for (int u = 0; u < people.Count; u++)
        {
            var rng = new GeneratorRandom(people.Options.Seed, GeneratorStream.Likes, u);
            bool bot = people.IsBot[u];
            // A mimic likes as often as a human does, but, like every bot, mostly its cluster's tweets.
            int count = Math.Min(60, (int)(people.LooksLikeBot(u) ? rng.LogNormal(8, 0.6) : rng.LogNormal(3, 1.0)));
            var followees = follows.Followees(u);
            for (int i = 0; i < count; i++)
            {
                int author;
                if (bot && rng.Chance(0.8))
                {
                    var mates = people.ClusterMembers[people.Cluster[u]];
                    author = mates[rng.Next(mates.Length)];
                }
                else if (followees.Length > 0) author = followees[rng.Next(followees.Length)];
                else continue;
                long tweet = people.TweetOf(author, ref rng);
                if (tweet >= 0) like.Add(u, (int)tweet);
            }
        }
    }
}
