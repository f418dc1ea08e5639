using System.Text.Json;

namespace Vigil.Tests.Cli;

public class GraphTrainCommandTests
{
    [Fact]
    public void JsonModePrintsExactlyOneJsonDocumentOnStdout()
    {
        var r = VigilProcess.Run("graph", "train", "--model", "gcn", "--layers", "2", "--epochs", "15", "--seed", "0", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.InRange(root.GetProperty("test_accuracy").GetDouble(), 0.0, 1.0);
        Assert.Equal("gcn", root.GetProperty("model").GetString());
        Assert.Equal(2, root.GetProperty("layers").GetInt32());
        Assert.True(root.TryGetProperty("mad", out _));
        Assert.True(root.TryGetProperty("mad_gap", out _));
        Assert.Contains("epoch", r.Stderr);
    }

    [Fact]
    public void TheDefaultRunIsDeterministicBySeed()
    {
        var a = VigilProcess.Run("graph", "train", "--epochs", "10", "--seed", "7", "--json");
        var b = VigilProcess.Run("graph", "train", "--epochs", "10", "--seed", "7", "--json");
        Assert.Equal(0, a.ExitCode);
        using var da = JsonDocument.Parse(a.Stdout);
        using var db = JsonDocument.Parse(b.Stdout);
        Assert.Equal(da.RootElement.GetProperty("test_accuracy").GetDouble(), db.RootElement.GetProperty("test_accuracy").GetDouble());
    }

    [Fact]
    public void AMissingDataFileIsAClearErrorNamingTheFile()
    {
        var r = VigilProcess.Run("graph", "train", "--data", "/nonexistent/graph.npz", "--json");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout.Trim());
        Assert.Contains("/nonexistent/graph.npz", r.Stderr);
    }

    [Fact]
    public void AnUnknownModelIsRejectedByTheParser()
    {
        var r = VigilProcess.Run("graph", "train", "--model", "transformer9000");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("transformer9000", r.Stderr);
    }
}
