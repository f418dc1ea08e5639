using Vigil.Bots.Data;
using Vigil.Bots.Generation;
using Vigil.Bots.IO;

namespace Vigil.Tests.Bots.Generation;

public class GeneratorRoundTripTests
{
    private static readonly BotDatasetGeneratorOptions Small = new() { Users = 1_000, Seed = 7, TweetsPerUser = 4 };

    [Fact]
    public void AGeneratedDatasetIsReadBackUnchanged()
    {
        var generated = BotDatasetGenerator.Generate(Small);
        using var folder = new DatasetFolder();
        TwiBotWriter.Write(generated, folder.Path);
        var read = TwiBotReader.Read(folder.Path);

        Assert.True(read.Report.IsClean, read.Report.ToString());
        Assert.Empty(BotDatasetComparison.Differences(generated, read));
        Assert.Equal(1_000, read.Users.Count);
        Assert.True(read.Tweets.Count > 1_000);
    }

    [Fact]
    public void StreamingToDiskWritesTheBytesTheWriterWritesForTheInMemoryDataset()
    {
        using var streamed = new DatasetFolder();
        using var written = new DatasetFolder();
        var summary = BotDatasetGenerator.WriteTo(Small, streamed.Path);
        var dataset = BotDatasetGenerator.Generate(Small);
        TwiBotWriter.Write(dataset, written.Path);

        var names = Directory.GetFiles(written.Path).Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(names, Directory.GetFiles(streamed.Path).Select(Path.GetFileName).Order().ToArray());
        Assert.Equal(9, names.Count(n => n!.StartsWith("tweet_", StringComparison.Ordinal)));
        foreach (var name in names)
            Assert.True(File.ReadAllBytes(written.File(name!)).AsSpan().SequenceEqual(File.ReadAllBytes(streamed.File(name!))), $"{name} differs");
        Assert.Equal((dataset.Users.Count, (long)dataset.Tweets.Count, dataset.EdgeCount), (summary.Users, summary.Tweets, summary.Edges));
    }

    [Fact]
    public void TheSameSeedGivesTheSameBytesAndAnotherSeedOtherData()
    {
        using var a = new DatasetFolder();
        using var b = new DatasetFolder();
        using var c = new DatasetFolder();
        BotDatasetGenerator.WriteTo(Small, a.Path);
        BotDatasetGenerator.WriteTo(Small, b.Path);
        BotDatasetGenerator.WriteTo(Small with { Seed = 8 }, c.Path);

        foreach (var file in Directory.GetFiles(a.Path).Select(Path.GetFileName))
            Assert.True(File.ReadAllBytes(a.File(file!)).AsSpan().SequenceEqual(File.ReadAllBytes(b.File(file!))), $"{file} differs between two runs");
        Assert.False(File.ReadAllBytes(a.File("user.json")).AsSpan().SequenceEqual(File.ReadAllBytes(c.File("user.json"))));
        Assert.False(File.ReadAllBytes(a.File("edge.csv")).AsSpan().SequenceEqual(File.ReadAllBytes(c.File("edge.csv"))));
    }

    [Fact]
    public void EveryEntityKindAndAllFourteenRelationsAppear()
    {
        var d = BotDatasetGenerator.Generate(Small);
        foreach (var kind in EntityKinds.All) Assert.True(d.EntityCount(kind) > 0, $"no {kind}");
        foreach (var relation in BotRelations.TwiBot22) Assert.True(d.Edges(relation).Count > 0, $"no {relation.Name()} edges");
        Assert.Equal(0, d.Edges(BotRelation.Follow).Count + d.Edges(BotRelation.Friend).Count);
        Assert.Equal(d.Tweets.Count, d.Edges(BotRelation.Post).Count);
        Assert.Equal(Small.ListCount, d.Lists.Count);
        Assert.Equal(Small.HashtagCount, d.Hashtags.Count);
    }

    [Fact]
    public void LabelsAndSplitsCoverEveryUserInTwiBot22Proportions()
    {
        var options = new BotDatasetGeneratorOptions { Users = 4_000, Seed = 3, TweetsPerUser = 1 };
        var d = BotDatasetGenerator.Generate(options);
        var labels = d.Labels.ToArray();
        var splits = d.Splits.ToArray();
        Assert.DoesNotContain(BotLabel.Unknown, labels);
        Assert.DoesNotContain(DataSplit.None, splits);
        Assert.Equal(560, labels.Count(l => l == BotLabel.Bot));
        Assert.InRange(splits.Count(s => s == DataSplit.Train) / 4000.0, 0.67, 0.73);
        Assert.InRange(splits.Count(s => s == DataSplit.Valid) / 4000.0, 0.18, 0.22);
        Assert.InRange(splits.Count(s => s == DataSplit.Test) / 4000.0, 0.08, 0.12);
    }

    [Fact]
    public void OutOfRangeOptionsAreRejectedByName()
    {
        Assert.Contains("Users", Assert.Throws<ArgumentOutOfRangeException>(() => BotDatasetGenerator.Generate(new() { Users = 5 })).Message);
        Assert.Contains("Difficulty", Assert.Throws<ArgumentOutOfRangeException>(() => BotDatasetGenerator.Generate(new() { Difficulty = 1.5 })).Message);
        Assert.Contains("BotShare", Assert.Throws<ArgumentOutOfRangeException>(() => BotDatasetGenerator.Generate(new() { BotShare = 0 })).Message);
    }
}
