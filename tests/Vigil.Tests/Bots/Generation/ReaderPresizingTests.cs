using Vigil.Bots.Data;
using Vigil.Bots.Data.Columns;
using Vigil.Bots.Generation;
using Vigil.Bots.IO;

namespace Vigil.Tests.Bots.Generation;

/// <summary>The reader sizes the tweet table from the first tweet file; what it reads must not change.</summary>
public class ReaderPresizingTests
{
    [Fact]
    public void ATweetTableSizedAheadReadsTheSameDataset()
    {
        // Two tweet files of over 10,000 tweets each: the second is read into a table reserved from the first's size.
        var options = new BotDatasetGeneratorOptions { Users = 2_000, Seed = 2, TweetsPerUser = 12 };
        using var folder = new DatasetFolder();
        BotDatasetGenerator.WriteTo(options, folder.Path, new TwiBotWriterOptions { TweetFileCount = 2 });
        var read = TwiBotReader.Read(folder.Path);
        var generated = BotDatasetGenerator.Generate(options);

        Assert.True(read.Tweets.Count > 20_000);
        Assert.True(read.Report.IsClean, read.Report.ToString());
        Assert.Empty(BotDatasetComparison.Differences(generated, read));
    }

    [Fact]
    public void AnIdIndexReservedAheadFindsEveryId()
    {
        var ids = new IdIndex(EntityKind.Tweet);
        ids.TryAdd(5, out _);
        ids.Reserve(100_000);
        for (long id = 10; id < 100_010; id++) Assert.True(ids.TryAdd(id * 7919, out _));
        Assert.Equal(0, ids.IndexOf(5));
        Assert.Equal(1, ids.IndexOf(10 * 7919));
        Assert.Equal(100_000, ids.IndexOf(100_009L * 7919));
        Assert.Equal(-1, ids.IndexOf(3));
        Assert.False(ids.TryAdd(5, out int existing));
        Assert.Equal(0, existing);
    }

    [Fact]
    public void ACategoryColumnGivesEqualTextsOneCodeWhetherAddedAsBytesOrString()
    {
        var column = new CategoryColumn();
        column.Add("en");
        column.Add("Twitter for iPhone"u8);
        column.Add("en"u8);
        column.AddNull();
        column.Add("Twitter for iPhone");
        Assert.Equal(new[] { 0, 1, 0, CategoryColumn.NullCode, 1 }, column.Codes.ToArray());
        Assert.Equal(new[] { "en", "Twitter for iPhone" }, column.Values);
    }
}
