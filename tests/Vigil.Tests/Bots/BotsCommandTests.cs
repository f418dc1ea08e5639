using System.Text.Json;
using Vigil.Tests.Cli;

namespace Vigil.Tests.Bots;

/// <summary><c>vigil bots validate</c> and <c>vigil bots stats</c> run as real processes on hand-made folders.</summary>
public class BotsCommandTests
{
    [Fact]
    public void ValidateExitsOneOnAStrictErrorAndNamesTheFileAndLine()
    {
        using var folder = HandMadeTwiBot22.Create();
        folder.Write("edge.csv", HandMadeTwiBot22.Edges.Replace("u4,like,t100", "u4,like,t999"));

        var strict = VigilProcess.Run("bots", "validate", folder.Path, "--json");
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("edge.csv:10", strict.Stderr);
        using var doc = JsonDocument.Parse(strict.Stdout);
        var root = doc.RootElement;
        Assert.False(root.GetProperty("valid").GetBoolean());
        Assert.Equal(1, root.GetProperty("errors").GetInt64());
        var problem = root.GetProperty("problems")[0];
        Assert.Equal("UnknownId", problem.GetProperty("problem").GetString());
        var example = problem.GetProperty("examples")[0];
        Assert.Equal("edge.csv", example.GetProperty("file").GetString());
        Assert.Equal(10, example.GetProperty("line").GetInt64());
        Assert.Contains("t999", example.GetProperty("message").GetString());

        var lenient = VigilProcess.Run("bots", "validate", folder.Path, "--policy", "lenient", "--json");
        Assert.Equal(0, lenient.ExitCode);
        using var lenientDoc = JsonDocument.Parse(lenient.Stdout);
        Assert.Equal(1, lenientDoc.RootElement.GetProperty("skipped").GetInt64());
        Assert.True(lenientDoc.RootElement.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public void ValidateReportsTheByteOffsetOfMalformedJsonEvenWhenLenient()
    {
        using var folder = HandMadeTwiBot22.Create();
        const string bad = "[{\"id\": \"u1\"}, {\"id\" \"u2\"}]";
        folder.Write("user.json", bad);
        var r = VigilProcess.Run("bots", "validate", folder.Path, "--policy", "lenient", "--json");
        Assert.Equal(1, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var malformed = doc.RootElement.GetProperty("problems").EnumerateArray().Single(p => p.GetProperty("problem").GetString() == "MalformedJson");
        Assert.Equal(bad.IndexOf(" \"u2\"", StringComparison.Ordinal) + 1, malformed.GetProperty("examples")[0].GetProperty("byte_offset").GetInt64());
        Assert.Contains("user.json@byte", r.Stderr);
    }

    [Fact]
    public void StatsPrintsCountsLabelsAndFollowDegreesAsJson()
    {
        using var folder = HandMadeTwiBot22.Create();
        var r = VigilProcess.Run("bots", "stats", folder.Path, "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal(4, root.GetProperty("entities").GetProperty("user").GetInt32());
        Assert.Equal(2, root.GetProperty("entities").GetProperty("hashtag").GetInt32());
        Assert.Equal(14, root.GetProperty("relations").EnumerateObject().Count());
        Assert.Equal(2, root.GetProperty("labels").GetProperty("bot").GetInt32());
        Assert.Equal(1, root.GetProperty("splits").GetProperty("test").GetProperty("human").GetInt32());
        var total = root.GetProperty("follow_degree").GetProperty("total");
        Assert.Equal(1.5, total.GetProperty("median").GetDouble());
        Assert.Equal(3, total.GetProperty("max").GetInt32());
        Assert.True(root.GetProperty("read_mb_per_second").GetDouble() > 0);
        Assert.True(root.GetProperty("peak_memory_mb").GetDouble() > 0);
    }

    [Fact]
    public void AMissingFolderIsABadInputError()
    {
        var r = VigilProcess.Run("bots", "stats", "/nonexistent/twibot", "--json");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout.Trim());
        Assert.Contains("/nonexistent/twibot", r.Stderr);
    }
}
