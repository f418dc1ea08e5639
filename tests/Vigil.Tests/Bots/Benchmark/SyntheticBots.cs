using Vigil.Bots.Data;

namespace Vigil.Tests.Bots.Benchmark;

/// <summary>
/// A small labelled dataset built in code for the benchmark tests: bots differ from humans the way the literature
/// says (young accounts, few followers and many followings, default images, digits in screen names, high tweet rates,
/// duplicated texts, retweets, bursty posting), except a share of "mimic" bots drawn like humans, so no method is
/// perfect. Splits are 60/20/20 at random. Tweets and follow edges are optional (a profile-only set like Cresci-2015).
/// </summary>
public static class SyntheticBots
{
    public static readonly DateTimeOffset Collected = new(2022, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static BotDataset Build(int users = 400, int seed = 1, bool tweets = false, bool edges = false, double botShare = 0.4, double mimicShare = 0.15)
    {
        var random = new Random(seed);
        var dataset = new BotDataset($"synthetic-{users}-{seed}");
        var isBot = new bool[users];
        long tweetId = 1_000_000;
        for (int u = 0; u < users; u++)
        {
            bool bot = random.NextDouble() < botShare;
            bool looksBot = bot && random.NextDouble() >= mimicShare;
            isBot[u] = bot;
            double ageDays = looksBot ? Uniform(random, 30, 900) : Uniform(random, 300, 4000);
            double tweetsPerDay = looksBot ? Uniform(random, 20, 80) : Uniform(random, 0.5, 10);
            string username = Letters(random, random.Next(5, 10)) + (random.NextDouble() < (looksBot ? 0.9 : 0.15) ? random.Next(1000, 999999).ToString() : "");
            int row = dataset.Users.Add(new UserRow(10_000 + u)
            {
                Username = username,
                Name = Letters(random, random.Next(3, 12)),
                CreatedAt = Collected.AddDays(-ageDays),
                Description = random.NextDouble() < (looksBot ? 0.5 : 0.15) ? "" : "likes " + Letters(random, looksBot ? random.Next(1, 15) : random.Next(20, 100)),
                FollowersCount = (int)Math.Exp(Normal(random, looksBot ? 3 : 5, 1.5)),
                FollowingCount = (int)Math.Exp(Normal(random, looksBot ? 6 : 5, 1)),
                TweetCount = (int)(ageDays * tweetsPerDay),
                ListedCount = looksBot ? random.Next(0, 3) : random.Next(0, 40),
                Verified = random.NextDouble() < (looksBot ? 0.01 : 0.1),
                ProfileImageUrl = random.NextDouble() < (looksBot ? 0.5 : 0.05)
                    ? "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png"
                    : $"https://pbs.twimg.com/profile_images/{u}/x_normal.jpg",
            });
            dataset.SetLabel(row, bot ? BotLabel.Bot : BotLabel.Human);
            double split = random.NextDouble();
            dataset.SetSplit(row, split < 0.6 ? DataSplit.Train : split < 0.8 ? DataSplit.Valid : DataSplit.Test);
            if (!tweets) continue;
            var time = Collected.AddDays(-30);
            string template = "buy now " + Letters(random, 8);
            for (int k = 0; k < 6; k++)
            {
                time = time.AddHours(looksBot ? Uniform(random, 0.01, 0.2) : Uniform(random, 2, 48));
                bool retweet = random.NextDouble() < (looksBot ? 0.7 : 0.2);
                dataset.Tweets.Add(new TweetRow(tweetId++)
                {
                    AuthorId = 10_000 + u,
                    Text = looksBot ? template : "my day " + Letters(random, random.Next(10, 80)),
                    CreatedAt = time,
                    RetweetCount = random.Next(0, looksBot ? 2 : 20),
                    LikeCount = random.Next(0, looksBot ? 2 : 50),
                    ReplyCount = 0,
                    QuoteCount = 0,
                    UrlCount = looksBot ? random.Next(1, 3) : random.Next(0, 2),
                    HashtagCount = looksBot ? random.Next(2, 5) : random.Next(0, 2),
                    Source = looksBot ? "bot-scheduler" : (random.NextDouble() < 0.5 ? "Twitter for iPhone" : "Twitter Web App"),
                    ReferencedTweets = retweet ? [new ReferencedTweet(ReferencedTweetType.Retweeted, 1)] : [],
                });
            }
        }
        if (edges)
        {
            var following = dataset.Edges(BotRelation.Following);
            for (int u = 0; u < users; u++)
            {
                // Bots follow anyone (mostly each other); humans follow humans.
                for (int k = 0; k < 5; k++)
                {
                    int v = random.Next(users);
                    if (isBot[u] ? random.NextDouble() < 0.7 && !isBot[v] : isBot[v]) v = random.Next(users);
                    if (v != u) following.Add(u, v);
                }
            }
        }
        return dataset;
    }

    private static double Uniform(Random random, double low, double high) => low + random.NextDouble() * (high - low);

    private static double Normal(Random random, double mean, double std) =>
        mean + std * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static string Letters(Random random, int count) =>
        new(Enumerable.Range(0, count).Select(_ => (char)('a' + random.Next(26))).ToArray());
}
