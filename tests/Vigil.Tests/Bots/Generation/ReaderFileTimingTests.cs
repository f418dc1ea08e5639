using Vigil.Bots.Generation;
using Vigil.Bots.IO;

namespace Vigil.Tests.Bots.Generation;

public class ReaderFileTimingTests
{
    [Fact]
    public void TheReaderReportsEachFileItReadWithItsSize()
    {
        using var folder = new DatasetFolder();
        BotDatasetGenerator.WriteTo(new BotDatasetGeneratorOptions { Users = 300, Seed = 1, TweetsPerUser = 2 }, folder.Path);
        var reads = new List<TwiBotFileRead>();
        TwiBotReader.Read(folder.Path, new TwiBotReaderOptions { FileRead = reads.Add });

        var expected = TwiBotFiles.DataFiles(folder.Path).Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(expected, reads.Select(r => r.File).Order().ToArray());
        Assert.Equal(15, reads.Count);
        foreach (var r in reads)
        {
            Assert.Equal(new FileInfo(folder.File(r.File)).Length, r.Bytes);
            Assert.True(r.Elapsed >= TimeSpan.Zero);
        }
        Assert.Equal("user.json", reads[0].File);
        Assert.Equal("edge.csv", reads[^1].File);
    }

    [Fact]
    public void TooFewHashtagsForEveryTopicAreRejected() =>
        Assert.Contains("Hashtags", Assert.Throws<ArgumentOutOfRangeException>(() => BotDatasetGenerator.Generate(new() { Users = 300, Hashtags = 20 })).Message);
}
