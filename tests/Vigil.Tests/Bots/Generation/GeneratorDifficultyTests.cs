using Vigil.Bots.Data;
using Vigil.Bots.Generation;
using static Vigil.Tests.Bots.Generation.GeneratedSignals;

namespace Vigil.Tests.Bots.Generation;

/// <summary>The difficulty knob hides bots' profiles and texts but not their place in the follow graph.</summary>
public class GeneratorDifficultyTests
{
    [Fact]
    public void MimickingBotsLookHumanButStillSitAmongBots()
    {
        var easy = BotDatasetGenerator.Generate(new BotDatasetGeneratorOptions { Users = 2_000, Seed = 5, TweetsPerUser = 2, Difficulty = 0 });
        var hard = BotDatasetGenerator.Generate(new BotDatasetGeneratorOptions { Users = 2_000, Seed = 5, TweetsPerUser = 2, Difficulty = 1 });

        double DefaultImageGap(BotDataset d) =>
            Mean(Of(d, BotLabel.Bot, u => d.Users.HasDefaultProfileImage(u) ? 1 : 0)) - Mean(Of(d, BotLabel.Human, u => d.Users.HasDefaultProfileImage(u) ? 1 : 0));
        double AgeRatio(BotDataset d) => Median(Of(d, BotLabel.Bot, u => -d.Users.CreatedAt[u])) / Median(Of(d, BotLabel.Human, u => -d.Users.CreatedAt[u]));
        Assert.True(DefaultImageGap(easy) > 0.2, $"easy gap {DefaultImageGap(easy):F2}");
        Assert.InRange(DefaultImageGap(hard), -0.05, 0.05);
        Assert.InRange(AgeRatio(hard), 0.97, 1.03);

        foreach (var d in new[] { easy, hard })
        {
            var neighbours = FollowNeighbours(d);
            double bots = Mean(Of(d, BotLabel.Bot, u => neighbours[u].Count == 0 ? double.NaN : neighbours[u].Count(v => d.Labels[v] == BotLabel.Bot) / (double)neighbours[u].Count));
            Assert.True(bots > 0.5, $"bot share of bots' neighbours {bots:P0}");
        }
    }
}
