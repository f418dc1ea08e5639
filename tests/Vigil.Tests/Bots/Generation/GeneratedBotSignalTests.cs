using Vigil.Bots.Data;
using Vigil.Bots.Generation;
using static Vigil.Tests.Bots.Generation.GeneratedSignals;

namespace Vigil.Tests.Bots.Generation;

/// <summary>
/// One few-thousand-user dataset, generated once for the signal tests. Difficulty 0.3 (model version 1's default): the
/// tests check the automated bots' signals over all bots, and at the default 0.5 half the bots are mimics that hide
/// them by design (GeneratorDifficultyTests covers the mimics).
/// </summary>
public sealed class GeneratedDatasetFixture
{
    public static readonly BotDatasetGeneratorOptions Options = new() { Users = 3_000, Seed = 11, TweetsPerUser = 8, Difficulty = 0.3 };

    public BotDataset Dataset { get; } = BotDatasetGenerator.Generate(Options);
}

/// <summary>
/// Bots and humans differ in the directions the literature reports, on signals computed from the data alone, and bots
/// sit among bots in the follow graph.
/// </summary>
public class GeneratedBotSignalTests(GeneratedDatasetFixture fixture) : IClassFixture<GeneratedDatasetFixture>
{
    private readonly BotDataset _d = fixture.Dataset;
    private long Collected => GeneratedDatasetFixture.Options.CollectionDate.ToUnixTimeSeconds();

    private double AgeDays(int u) => (Collected - _d.Users.CreatedAt[u]) / 86_400.0;

    [Fact]
    public void BotAccountsAreYounger()
    {
        double bots = Median(Of(_d, BotLabel.Bot, AgeDays)), humans = Median(Of(_d, BotLabel.Human, AgeDays));
        Assert.True(bots < humans * 0.5, $"median age: bots {bots:F0} days, humans {humans:F0} days");
    }

    [Fact]
    public void BotsHaveFewFollowersForTheManyTheyFollow()
    {
        double Ratio(int u) => Math.Log((_d.Users.FollowersCount[u] + 1.0) / (_d.Users.FollowingCount[u] + 1.0));
        double bots = Median(Of(_d, BotLabel.Bot, Ratio)), humans = Median(Of(_d, BotLabel.Human, Ratio));
        Assert.True(bots < humans - 1, $"median log(followers/following): bots {bots:F2}, humans {humans:F2}");
    }

    [Fact]
    public void BotsPostFasterAndMoreOfTheDatasetsTweets()
    {
        double Rate(int u) => _d.Users.TweetCount[u] / AgeDays(u);
        double bots = Median(Of(_d, BotLabel.Bot, Rate)), humans = Median(Of(_d, BotLabel.Human, Rate));
        Assert.True(bots > humans * 3, $"median tweets per day: bots {bots:F2}, humans {humans:F2}");
        var byAuthor = TweetsByAuthor(_d);
        double botTweets = Mean(Of(_d, BotLabel.Bot, u => byAuthor[u].Count)), humanTweets = Mean(Of(_d, BotLabel.Human, u => byAuthor[u].Count));
        Assert.True(botTweets > humanTweets * 1.3, $"tweets in the set per user: bots {botTweets:F1}, humans {humanTweets:F1}");
    }

    [Fact]
    public void BotsPostInBursts()
    {
        var burst = BurstShare(_d, TweetsByAuthor(_d));
        double bots = Mean(Of(_d, BotLabel.Bot, burst)), humans = Mean(Of(_d, BotLabel.Human, burst));
        Assert.True(bots > 0.3 && humans < 0.05, $"share of gaps under 10 minutes: bots {bots:P0}, humans {humans:P0}");
    }

    [Fact]
    public void BotTextsAreDuplicatedAndFullOfLinksAndHashtags()
    {
        var byAuthor = TweetsByAuthor(_d);
        var duplicates = DuplicateShare(_d, byAuthor);
        double botDup = Mean(Of(_d, BotLabel.Bot, duplicates)), humanDup = Mean(Of(_d, BotLabel.Human, duplicates));
        Assert.True(botDup > humanDup + 0.25, $"near-duplicate share: bots {botDup:P0}, humans {humanDup:P0}");

        var (urls, tags) = (_d.Tweets.UrlCount.ToArray(), _d.Tweets.HashtagCount.ToArray());
        double PerTweet(int u, int[] counts) => byAuthor[u].Count == 0 ? double.NaN : byAuthor[u].Average(t => counts[t]);
        double botUrls = Mean(Of(_d, BotLabel.Bot, u => PerTweet(u, urls))), humanUrls = Mean(Of(_d, BotLabel.Human, u => PerTweet(u, urls)));
        double botTags = Mean(Of(_d, BotLabel.Bot, u => PerTweet(u, tags))), humanTags = Mean(Of(_d, BotLabel.Human, u => PerTweet(u, tags)));
        Assert.True(botUrls > humanUrls * 2, $"links per tweet: bots {botUrls:F2}, humans {humanUrls:F2}");
        Assert.True(botTags > humanTags * 2, $"hashtags per tweet: bots {botTags:F2}, humans {humanTags:F2}");

        double Automated(int u) => byAuthor[u].Count == 0 ? double.NaN : byAuthor[u].Count(t => AutomationClients.Contains(_d.Tweets.Source[t])) / (double)byAuthor[u].Count;
        Assert.True(Mean(Of(_d, BotLabel.Bot, Automated)) > 0.3 && Mean(Of(_d, BotLabel.Human, Automated)) == 0);
    }

    [Fact]
    public void BotsAreRarelyVerifiedAndOftenKeepTheDefaultImage()
    {
        double Share(BotLabel label, Func<int, bool> signal) => Mean(Of(_d, label, u => signal(u) ? 1 : 0));
        Assert.True(Share(BotLabel.Bot, u => _d.Users.Verified[u]) < Share(BotLabel.Human, u => _d.Users.Verified[u]) / 2);
        double botDefault = Share(BotLabel.Bot, _d.Users.HasDefaultProfileImage), humanDefault = Share(BotLabel.Human, _d.Users.HasDefaultProfileImage);
        Assert.True(botDefault > humanDefault + 0.15, $"default image: bots {botDefault:P0}, humans {humanDefault:P0}");
        bool Promotional(int u) => _d.Users.Description.GetString(u) is { } s && (s.Contains("https://", StringComparison.Ordinal) || s.Contains('#'));
        double botPromo = Share(BotLabel.Bot, Promotional), humanPromo = Share(BotLabel.Human, Promotional);
        Assert.True(botPromo > humanPromo + 0.25, $"bios with links or hashtags: bots {botPromo:P0}, humans {humanPromo:P0}");
    }

    [Fact]
    public void FollowNeighbourhoodsAreHomophilous()
    {
        var neighbours = FollowNeighbours(_d);
        double BotShare(int u) => neighbours[u].Count == 0 ? double.NaN : neighbours[u].Count(v => _d.Labels[v] == BotLabel.Bot) / (double)neighbours[u].Count;
        double bots = Mean(Of(_d, BotLabel.Bot, BotShare)), humans = Mean(Of(_d, BotLabel.Human, BotShare));
        Assert.True(bots > 0.5 && humans < 0.15, $"bot share of follow neighbours: bots {bots:P0}, humans {humans:P0}");
    }
}
