using Vigil.Bots.Data;
using Vigil.Bots.Generation;
using Vigil.Cli.Commands;

namespace Vigil.Tests.Bots.Generation;

/// <summary>
/// Caches of generated data are keyed by <see cref="BotDatasetGenerator.ModelVersion"/>, so a change of what the generator
/// makes must bump it. This test pins what model version 2 makes from default options (counts that almost any change of
/// the model moves): when it fails after a deliberate change, bump the version and record the new counts.
/// </summary>
public class GeneratorModelVersionTests
{
    [Fact]
    public void DefaultOptionsMakeWhatTheCurrentModelVersionMade()
    {
        var d = BotDatasetGenerator.Generate(new BotDatasetGeneratorOptions { Users = 500, TweetsPerUser = 4 });
        Assert.Equal(2, BotDatasetGenerator.ModelVersion);
        Assert.Equal(0.5, new BotDatasetGeneratorOptions().Difficulty);
        var counts = (d.Tweets.Count, d.Edges(BotRelation.Following).Count + d.Edges(BotRelation.Followers).Count, d.Edges(BotRelation.Like).Count, d.EdgeCount);
        Assert.Equal((1948, 4384, 2288, 11021L), counts);
    }

    [Fact]
    public void TheBenchDatasetCacheFolderCarriesTheModelVersionAndDifficulty()
    {
        Assert.EndsWith($"-d0.5-v{BotDatasetGenerator.ModelVersion}", BenchDefaultDataset.FolderName);
    }
}
