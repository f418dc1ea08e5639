using System.Text.Json;
using Vigil.Tests.Cli;

namespace Vigil.Tests.Bots.Features;

/// <summary><c>vigil bots features</c> as a real process: shapes and throughput as JSON, the second run from the cache.</summary>
public class BotsFeaturesCommandTests
{
    [Fact]
    public void FeaturesPrintsShapesAndTheSecondRunReadsTheCache()
    {
        using var folder = HandMadeTwiBot22.Create();
        using var cache = new DatasetFolder();
        var first = VigilProcess.Run("bots", "features", folder.Path, "--cache", cache.Path, "--json");
        Assert.True(first.ExitCode == 0, first.Stderr);
        using var doc = JsonDocument.Parse(first.Stdout);
        var root = doc.RootElement;
        Assert.Equal(new[] { 4, 5 }, root.GetProperty("numeric").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(new[] { 4, 3 }, root.GetProperty("categorical").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(new[] { 4, 384 }, root.GetProperty("tweets").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(2, root.GetProperty("follow_relations").GetProperty("following").GetInt32());
        Assert.False(root.GetProperty("from_cache").GetBoolean());
        Assert.True(root.GetProperty("users_per_second").GetDouble() > 0);

        var second = VigilProcess.Run("bots", "features", folder.Path, "--cache", cache.Path, "--json");
        Assert.True(second.ExitCode == 0, second.Stderr);
        using var again = JsonDocument.Parse(second.Stdout);
        Assert.True(again.RootElement.GetProperty("from_cache").GetBoolean());
        Assert.Equal(root.GetProperty("cache_file").GetString(), again.RootElement.GetProperty("cache_file").GetString());
    }
}
