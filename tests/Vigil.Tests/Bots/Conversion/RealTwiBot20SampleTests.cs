using System.Text.Json;
using Vigil.Bots.Conversion;
using Vigil.Bots.Data;
using Vigil.Bots.IO;
using Vigil.Core;

namespace Vigil.Tests.Bots.Conversion;

/// <summary>The public 100-user TwiBot-20 sample converted, written and read back, checked against a JsonDocument parse.</summary>
public class RealTwiBot20SampleTests
{
    private static readonly string[] Sample = { "bots", "twibot20-sample", "TwiBot-20_sample.json" };

    [DataFileFact("bots", "twibot20-sample", "TwiBot-20_sample.json")]
    public void UsersTweetsAndFollowEdgesConvertWithoutLoss()
    {
        var path = DataDirectory.FindFile(Sample)!;
        using var folder = new DatasetFolder();
        var converted = DatasetConverter.ConvertAndWrite(SourceFormat.TwiBot20, Path.GetDirectoryName(path)!, folder.Path);
        var d = TwiBotReader.Read(folder.Path);
        Assert.True(d.Report.IsClean, d.Report.ToString());
        Assert.Empty(BotDatasetComparison.Differences(converted.Dataset, d));

        // The reference: counts computed from a plain JSON parse of the sample.
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var records = json.RootElement.EnumerateArray().ToList();
        var ids = records.Select(r => r.GetProperty("ID").GetString()!).ToHashSet();
        int tweets = 0, following = 0, followers = 0, outside = 0;
        foreach (var r in records)
        {
            if (r.GetProperty("tweet") is { ValueKind: JsonValueKind.Array } t) tweets += t.GetArrayLength();
            if (r.GetProperty("neighbor") is not { ValueKind: JsonValueKind.Object } n) continue;
            foreach (var v in n.GetProperty("following").EnumerateArray()) { if (ids.Contains(v.GetString()!)) following++; else outside++; }
            foreach (var v in n.GetProperty("follower").EnumerateArray()) { if (ids.Contains(v.GetString()!)) followers++; else outside++; }
        }
        Assert.Equal((100, 17372, 28, 4, 1107), (records.Count, tweets, following, followers, outside));

        Assert.Equal(100, d.Users.Count);
        Assert.Equal(17372, d.Tweets.Count);
        Assert.Equal(17372, d.Edges(BotRelation.Post).Count);
        Assert.Equal(28, d.Edges(BotRelation.Following).Count);
        Assert.Equal(4, d.Edges(BotRelation.Followers).Count);
        Assert.Equal(1107, converted.Summary.Skipped[TwiBot20Converter.SkippedFollowEdgesOutside]);
        Assert.Equal(100, converted.Summary.Unlabelled);
        Assert.False(File.Exists(folder.File("label.csv")));

        var shaq = d.Users[d.Users.IndexOf(17461978)];
        Assert.Equal(("SHAQ", "SHAQ", "Orlando, FL", "VERY QUOTATIOUS, I PERFORM RANDOM ACTS OF SHAQNESS"), (shaq.Name, shaq.Username, shaq.Location, shaq.Description));
        Assert.Equal((15349596, 692, 9798, 45568), (shaq.FollowersCount, shaq.FollowingCount, shaq.TweetCount, shaq.ListedCount));
        Assert.Equal((true, false), (shaq.Verified, shaq.Protected));
        Assert.Equal(new DateTimeOffset(2008, 11, 18, 10, 27, 25, TimeSpan.Zero), shaq.CreatedAt);

        // Every tweet text is there, in order, authored by its user.
        int tweet = 0;
        foreach (var r in records)
        {
            long author = long.Parse(r.GetProperty("ID").GetString()!);
            if (r.GetProperty("tweet") is not { ValueKind: JsonValueKind.Array } texts) continue;
            foreach (var text in texts.EnumerateArray())
            {
                Assert.Equal(text.GetString(), d.Tweets.Text.GetString(tweet));
                Assert.Equal(author, d.Tweets.AuthorId[tweet]);
                tweet++;
            }
        }
        int defaults = records.Count(r => r.GetProperty("profile").GetProperty("default_profile_image").GetString()!.Trim() == "True");
        Assert.Equal(defaults, Enumerable.Range(0, d.Users.Count).Count(d.Users.HasDefaultProfileImage));
    }
}
