using System.Text.Json;
using Vigil.Bots.Conversion;
using Vigil.Bots.Features;
using Vigil.Bots.IO;
using Vigil.Core;
using Vigil.Core.Text.Hashed;

namespace Vigil.Tests.Bots.Features;

/// <summary>Features of the real sets: the 500 TwiBot-22 users (flags checked against a JSON parse) and the converted Cresci-2015 profiles.</summary>
public class RealDataFeatureTests
{
    private static HashedNgramEncoder Encoder() => new(new HashedNgramOptions { Dimension = 32 });

    [DataFileFact("bots", "twibot22-annotation", "user.json")]
    public void TheRealTwiBot22UsersGiveOneFeatureRowEach()
    {
        using var folder = new DatasetFolder();
        var userJson = DataDirectory.FindFile("bots", "twibot22-annotation", "user.json")!;
        File.Copy(userJson, folder.File("user.json"));
        var d = TwiBotReader.Read(folder.Path);
        using var encoder = Encoder();
        var f = BotFeatureExtractor.Extract(d, encoder);

        Assert.Equal((500, 5, 3, 32, 32), (f.UserCount, f.Numeric.Cols, f.Categorical.Cols, f.Description.Cols, f.Tweets.Cols));
        using var json = JsonDocument.Parse(File.ReadAllBytes(userJson));
        var users = json.RootElement.EnumerateArray().ToList();
        int Column(int c) => Enumerable.Range(0, 500).Count(u => f.Categorical.Dense![u * 3 + c] == 1);
        Assert.Equal(users.Count(u => u.GetProperty("protected").GetBoolean()), Column(0));
        Assert.Equal(users.Count(u => u.GetProperty("verified").GetBoolean()), Column(1));
        Assert.Equal(19, Column(2));
        // The description block is the encoder's output for the descriptions as the JSON holds them; blank ones give zero rows.
        var descriptions = users.Select(u => u.GetProperty("description").GetString() ?? "").ToList();
        Assert.Equal(encoder.Encode(descriptions), f.Description.Dense);
        Assert.All(Enumerable.Range(0, 500).Where(u => string.IsNullOrWhiteSpace(descriptions[u])),
            u => Assert.True(f.Description.Dense.AsSpan(u * 32, 32).IndexOfAnyExcept(0f) < 0));
        AssertStandardized(f);
        Assert.False(f.HasFollowGraph);
    }

    [DataFileFact("bots", "cresci-2015", "E13", "users.csv")]
    public void TheConvertedCresciProfilesGiveStandardizedFeatures()
    {
        var root = Path.GetDirectoryName(Path.GetDirectoryName(DataDirectory.FindFile("bots", "cresci-2015", "E13", "users.csv"))!)!;
        var d = Cresci2015Converter.Convert(root).Dataset;
        using var encoder = Encoder();
        var f = BotFeatureExtractor.Extract(d, encoder);
        Assert.Equal(3900, f.UserCount);
        Assert.Equal((2730, 780, 390), (f.Labels.TrainMask.Count(m => m), f.Labels.ValMask.Count(m => m), f.Labels.TestMask.Count(m => m)));
        // 4 + 15 + 2 accounts of E13, TFP and INT keep the default profile image.
        Assert.Equal(21, Enumerable.Range(0, 3900).Count(u => f.Categorical.Dense![u * 3 + 2] == 1));
        AssertStandardized(f);
    }

    // Every z-scored column over all users has mean 0 and (population) standard deviation 1.
    private static void AssertStandardized(BotFeatureSet f)
    {
        int n = f.UserCount;
        for (int c = 0; c < 5; c++)
        {
            var column = Enumerable.Range(0, n).Select(u => (double)f.Numeric.Dense![u * 5 + c]).ToArray();
            double mean = column.Average();
            Assert.Equal(0, mean, 3);
            Assert.Equal(1, Math.Sqrt(column.Sum(v => (v - mean) * (v - mean)) / n), 3);
        }
    }
}
