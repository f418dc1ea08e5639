using System.Text.Json;
using Vigil.Bots.Data;
using static Vigil.Bots.IO.Json.JsonArrayFileWriter;

namespace Vigil.Bots.IO.Json;

/// <summary>One user row as a TwiBot-22 <c>user.json</c> object (API v2 fields, in the file's alphabetical order).</summary>
internal static class UserJsonWriter
{
    public static void Write(Utf8JsonWriter w, UserTable users, int row)
    {
        w.WriteStartObject();
        WriteTime(w, "created_at"u8, users.CreatedAt[row]);
        WriteText(w, "description"u8, users.Description, row);
        WriteEntities(w, users.Entities[row]);
        WriteId(w, "id"u8, EntityKind.User, users.Ids[row]);
        WriteText(w, "location"u8, users.Location, row);
        WriteText(w, "name"u8, users.Name, row);
        long pinned = users.PinnedTweetId[row];
        if (pinned == UserTable.NoPinnedTweet) w.WriteNull("pinned_tweet_id"u8);
        else w.WriteNumber("pinned_tweet_id"u8, pinned);
        WriteText(w, "profile_image_url"u8, users.ProfileImageUrl, row);
        w.WriteBoolean("protected"u8, users.Protected[row]);
        Span<int> counts = stackalloc int[] { users.FollowersCount[row], users.FollowingCount[row], users.TweetCount[row], users.ListedCount[row] };
        if (!counts.ContainsAnyExcept(UserTable.MissingCount)) w.WriteNull("public_metrics"u8);
        else
        {
            w.WriteStartObject("public_metrics"u8);
            WriteCountIfPresent(w, "followers_count"u8, counts[0], UserTable.MissingCount);
            WriteCountIfPresent(w, "following_count"u8, counts[1], UserTable.MissingCount);
            WriteCountIfPresent(w, "tweet_count"u8, counts[2], UserTable.MissingCount);
            WriteCountIfPresent(w, "listed_count"u8, counts[3], UserTable.MissingCount);
            w.WriteEndObject();
        }
        WriteText(w, "url"u8, users.Url, row);
        WriteText(w, "username"u8, users.Username, row);
        w.WriteBoolean("verified"u8, users.Verified[row]);
        w.WriteEndObject();
    }

    private static void WriteEntities(Utf8JsonWriter w, UserEntityCounts e)
    {
        if (e.IsEmpty) { w.WriteNull("entities"u8); return; }
        w.WriteStartObject("entities"u8);
        if (e.UrlUrls > 0)
        {
            w.WriteStartObject("url"u8);
            WriteEntityItems(w, "urls"u8, e.UrlUrls);
            w.WriteEndObject();
        }
        if (e.DescriptionUrls + e.DescriptionHashtags + e.DescriptionMentions + e.DescriptionCashtags > 0)
        {
            w.WriteStartObject("description"u8);
            if (e.DescriptionUrls > 0) WriteEntityItems(w, "urls"u8, e.DescriptionUrls);
            if (e.DescriptionHashtags > 0) WriteEntityItems(w, "hashtags"u8, e.DescriptionHashtags);
            if (e.DescriptionMentions > 0) WriteEntityItems(w, "mentions"u8, e.DescriptionMentions);
            if (e.DescriptionCashtags > 0) WriteEntityItems(w, "cashtags"u8, e.DescriptionCashtags);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
