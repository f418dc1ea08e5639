using System.Text.Json;
using Vigil.Tests.Cli;

namespace Vigil.Tests.Bots.Conversion;

/// <summary><c>vigil bots convert</c> as a real process: a summary on stdout with --json, bad input named on stderr with exit code 2.</summary>
public class BotsConvertCommandTests
{
    [Fact]
    public void ConvertWritesTheFolderAndASummary()
    {
        using var source = HandMadeCresci2015.Create();
        using var output = new DatasetFolder();
        var r = VigilProcess.Run("bots", "convert", "--from", "cresci-2015", source.Path, "--out", output.Path, "--seed", "5", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal(4, root.GetProperty("users").GetInt32());
        Assert.Equal(2, root.GetProperty("bots").GetInt32());
        Assert.Equal(3, root.GetProperty("tweets").GetInt32());
        Assert.Equal(2, root.GetProperty("edges").GetProperty("following").GetInt32());
        Assert.Equal(3, root.GetProperty("skipped").EnumerateObject().Sum(p => p.Value.GetInt64()));
        Assert.Contains("E13/users.csv: 2 users", r.Stderr);
        Assert.True(File.Exists(Path.Combine(output.Path, "split.csv")));

        var validate = VigilProcess.Run("bots", "validate", output.Path);
        Assert.True(validate.ExitCode == 0, validate.Stderr);
    }

    [Fact]
    public void ABadRowExitsTwoNamingTheFileAndLine()
    {
        using var source = HandMadeCresci2015.Create();
        source.Write("E13/friends.csv", "source_id,target_id\n11,12\nx,22\n");
        using var output = new DatasetFolder();
        var r = VigilProcess.Run("bots", "convert", "--from", "cresci-2015", source.Path, "--out", output.Path, "--json");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout.Trim());
        Assert.Contains("E13/friends.csv:3", r.Stderr);
    }
}
