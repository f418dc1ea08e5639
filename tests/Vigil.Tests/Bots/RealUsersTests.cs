using System.Text.Json;
using Vigil.Bots.Data;
using Vigil.Bots.IO;
using Vigil.Core;

namespace Vigil.Tests.Bots;

/// <summary>The 500 real TwiBot-22 user objects of the annotation study, checked against a JsonDocument parse of the same file.</summary>
public class RealUsersTests
{
    private static readonly string[] UserJson = { "bots", "twibot22-annotation", "user.json" };

    [DataFileFact("bots", "twibot22-annotation", "user.json")]
    public void AllFiveHundredUsersLoadWithTheirFields()
    {
        using var folder = new DatasetFolder();
        File.Copy(DataDirectory.FindFile(UserJson)!, folder.File("user.json"));
        var d = TwiBotReader.Read(folder.Path);

        Assert.True(d.Report.IsClean, d.Report.ToString());
        Assert.Equal(500, d.Users.Count);
        var u = d.Users[d.Users.IndexOf(15170178)];
        Assert.Equal(("gijigae", "Yokohama, Japan"), (u.Username, u.Location));
        Assert.Equal((20879, 6597, 54963, 373), (u.FollowersCount, u.FollowingCount, u.TweetCount, u.ListedCount));
        Assert.Equal(1485381214156451844L, u.PinnedTweetId);
        Assert.Equal(new DateTimeOffset(2008, 6, 19, 15, 36, 8, TimeSpan.Zero), u.CreatedAt);
        Assert.Equal(new UserEntityCounts(1, 0, 3, 1, 0), u.Entities);
        Assert.Equal("@ChoimiraiHQ 運営。＃Roamで学ぶ #ChoimiraiSchool #Roam部", u.Description);

        using var reference = JsonDocument.Parse(File.ReadAllBytes(folder.File("user.json")));
        int row = 0, defaults = 0;
        foreach (var user in reference.RootElement.EnumerateArray())
        {
            Assert.Equal(user.GetProperty("id").GetString(), d.Users.Ids.Format(row));
            Assert.Equal(user.GetProperty("username").GetString(), d.Users.Username.GetString(row));
            Assert.Equal(user.GetProperty("description").GetString(), d.Users.Description.GetString(row));
            var location = user.GetProperty("location");
            Assert.Equal(location.ValueKind == JsonValueKind.Null ? null : location.GetString(), d.Users.Location.GetString(row));
            Assert.Equal(user.GetProperty("public_metrics").GetProperty("followers_count").GetInt32(), d.Users.FollowersCount[row]);
            Assert.Equal(user.GetProperty("public_metrics").GetProperty("tweet_count").GetInt32(), d.Users.TweetCount[row]);
            Assert.Equal(user.GetProperty("verified").GetBoolean(), d.Users.Verified[row]);
            var pinned = user.GetProperty("pinned_tweet_id");
            Assert.Equal(pinned.ValueKind == JsonValueKind.Null ? UserTable.NoPinnedTweet : pinned.GetInt64(), d.Users.PinnedTweetId[row]);
            var created = DateTimeOffset.Parse(user.GetProperty("created_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(created.ToUnixTimeSeconds(), d.Users.CreatedAt[row]);
            int descriptionHashtags = 0;
            if (user.GetProperty("entities") is { ValueKind: JsonValueKind.Object } entities
                && entities.TryGetProperty("description", out var description) && description.TryGetProperty("hashtags", out var hashtags))
                descriptionHashtags = hashtags.GetArrayLength();
            Assert.Equal(descriptionHashtags, d.Users.Entities[row].DescriptionHashtags);
            if (user.GetProperty("profile_image_url").GetString()!.Contains("default_profile_images")) defaults++;
            Assert.Equal(user.GetProperty("profile_image_url").GetString()!.Contains("default_profile_images"), d.Users.HasDefaultProfileImage(row));
            row++;
        }
        Assert.Equal(500, row);
        Assert.Equal(19, defaults);
    }

    [DataFileFact("bots", "twibot22-annotation", "user.json")]
    public void TheRealUsersRoundTrip()
    {
        using var folder = new DatasetFolder();
        File.Copy(DataDirectory.FindFile(UserJson)!, folder.File("user.json"));
        var original = TwiBotReader.Read(folder.Path);
        using var copy = new DatasetFolder();
        TwiBotWriter.Write(original, copy.Path);
        var back = TwiBotReader.Read(copy.Path);
        Assert.Empty(BotDatasetComparison.Differences(original, back));
    }
}
