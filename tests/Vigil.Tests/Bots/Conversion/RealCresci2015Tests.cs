using Microsoft.VisualBasic.FileIO;
using Vigil.Bots.Conversion;
using Vigil.Bots.Data;
using Vigil.Bots.IO;
using Vigil.Core;

namespace Vigil.Tests.Bots.Conversion;

/// <summary>The real Cresci-2015 profiles converted, written and read back, checked against an independent CSV parse.</summary>
public class RealCresci2015Tests
{
    private static string Root => Path.GetDirectoryName(Path.GetDirectoryName(DataDirectory.FindFile("bots", "cresci-2015", "E13", "users.csv"))!)!;

    [DataFileFact("bots", "cresci-2015", "E13", "users.csv")]
    public void EveryProfileConvertsWithItsLabelAndAStratifiedSplit()
    {
        using var folder = new DatasetFolder();
        var converted = DatasetConverter.ConvertAndWrite(SourceFormat.Cresci2015, Root, folder.Path);
        var d = TwiBotReader.Read(folder.Path);

        Assert.True(d.Report.IsClean, d.Report.ToString());
        Assert.Equal((3900, 1950, 1950, 0), (converted.Summary.Users, converted.Summary.Humans, converted.Summary.Bots, converted.Summary.Unlabelled));
        Assert.Empty(converted.Summary.Skipped);
        Assert.True(converted.Summary.Problems.IsClean);
        Assert.Equal(3900, d.Users.Count);
        Assert.Equal(0, d.Tweets.Count);
        Assert.Equal(0, d.EdgeCount);
        Assert.Empty(BotDatasetComparison.Differences(converted.Dataset, d));

        // Each subset's rows, parsed independently, are there with the paper's label and their fields.
        var expected = new Dictionary<string, (int Count, BotLabel Label)>
        {
            ["E13"] = (1481, BotLabel.Human), ["TFP"] = (469, BotLabel.Human), ["INT"] = (779, BotLabel.Bot), ["FSF"] = (686, BotLabel.Bot), ["TWT"] = (485, BotLabel.Bot),
        };
        foreach (var (subset, (count, label)) in expected)
        {
            int rows = 0;
            using var parser = new TextFieldParser(Path.Combine(Root, subset, "users.csv")) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
            parser.SetDelimiters(",");
            var header = parser.ReadFields()!.ToList();
            while (parser.ReadFields() is { } f)
            {
                rows++;
                int row = d.Users.IndexOf(long.Parse(f[header.IndexOf("id")]));
                Assert.True(row >= 0, $"{subset} user {f[0]} is missing");
                Assert.Equal(label, d.Labels[row]);
                Assert.Equal(f[header.IndexOf("screen_name")], d.Users.Username.GetString(row));
                Assert.Equal(f[header.IndexOf("name")], d.Users.Name.GetString(row));
                Assert.Equal(f[header.IndexOf("description")], d.Users.Description.GetString(row));
                Assert.Equal(int.Parse(f[header.IndexOf("followers_count")]), d.Users.FollowersCount[row]);
                Assert.Equal(int.Parse(f[header.IndexOf("friends_count")]), d.Users.FollowingCount[row]);
                Assert.Equal(int.Parse(f[header.IndexOf("statuses_count")]), d.Users.TweetCount[row]);
                Assert.Equal(f[header.IndexOf("default_profile_image")] == "1.0", d.Users.HasDefaultProfileImage(row));
                var created = DateTimeOffset.ParseExact(f[header.IndexOf("created_at")], "ddd MMM dd HH:mm:ss zzz yyyy", System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(created.ToUnixTimeSeconds(), d.Users.CreatedAt[row]);
            }
            Assert.Equal(count, rows);
        }

        // 70/20/10 within each class: 1,950 → 1,365 / 390 / 195.
        foreach (var label in new[] { BotLabel.Human, BotLabel.Bot })
        {
            var splits = Enumerable.Range(0, d.Users.Count).Where(r => d.Labels[r] == label).GroupBy(r => d.Splits[r]).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal((1365, 390, 195), (splits[DataSplit.Train], splits[DataSplit.Valid], splits[DataSplit.Test]));
        }
    }

    [DataFileFact("bots", "cresci-2015", "E13", "users.csv")]
    public void TheSplitDependsOnlyOnTheSeed()
    {
        var a = Cresci2015Converter.Convert(Root, new ConversionOptions { Seed = 7 }).Dataset;
        var b = Cresci2015Converter.Convert(Root, new ConversionOptions { Seed = 7 }).Dataset;
        var c = Cresci2015Converter.Convert(Root, new ConversionOptions { Seed = 8 }).Dataset;
        Assert.True(a.Splits.SequenceEqual(b.Splits));
        Assert.False(a.Splits.SequenceEqual(c.Splits));
    }
}
