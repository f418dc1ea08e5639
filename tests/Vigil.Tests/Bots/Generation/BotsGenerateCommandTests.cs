using System.Text.Json;
using Vigil.Bots.IO;
using Vigil.Tests.Cli;

namespace Vigil.Tests.Bots.Generation;

public class BotsGenerateCommandTests
{
    [Fact]
    public void GenerateWritesAFolderTheReaderLoadsAndSummarisesItAsJson()
    {
        using var folder = new DatasetFolder();
        var r = VigilProcess.Run("bots", "generate", "--users", "1000", "--seed", "4", "--tweets-per-user", "3", "--out", folder.Path, "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("tweets", r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var summary = doc.RootElement.GetProperty("dataset");
        Assert.Equal(1000, summary.GetProperty("users").GetInt32());
        Assert.Equal(140, summary.GetProperty("bots").GetInt32());
        Assert.Equal(14, summary.GetProperty("relations").EnumerateObject().Count());

        var d = TwiBotReader.Read(folder.Path);
        Assert.True(d.Report.IsClean, d.Report.ToString());
        Assert.Equal(summary.GetProperty("tweets").GetInt64(), d.Tweets.Count);
        Assert.Equal(summary.GetProperty("edges").GetInt64(), d.EdgeCount);
    }

    [Fact]
    public void GenerateRejectsAnOutOfRangeDifficulty()
    {
        using var folder = new DatasetFolder();
        var r = VigilProcess.Run("bots", "generate", "--users", "1000", "--difficulty", "2", "--out", folder.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Difficulty", r.Stderr);
    }
}
